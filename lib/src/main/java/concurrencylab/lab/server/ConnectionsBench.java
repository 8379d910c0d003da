package concurrencylab.lab.server;

import concurrencylab.exec.JvmCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Can the lab server hold 10,000 connections at once ({@code ./course bench server})? A child
 * JVM ({@link LoadClients}) opens {@code connections} sockets to a {@link LabServer} on
 * loopback, one virtual thread each, and sends one GET on each; the server holds every
 * request for {@code holdMs} (its latency), so they are all open together. The result has the
 * server's peak concurrency (from {@link LabCounters}), the errors (must be 0) and the elapsed
 * time.
 * {@snippet :
 * String tooFew = ConnectionsBench.descriptorShortage(10_000);   // null, or what to raise
 * ConnectionsBench.Result r = ConnectionsBench.run(10_000, 5_000, System.out);
 * System.out.print(ConnectionsBench.table(r));
 * }
 *
 * <p>Why a child JVM: each connection costs a file descriptor at both ends, and both ends in
 * one process would need twice the descriptors. Each process checks its own descriptor limit
 * first ({@link #descriptorShortage}). The clients are plain sockets on virtual threads (a
 * minimal HTTP/1.1 GET with {@code Connection: close}), every one with connect and read
 * timeouts; the parent waits for the child at most {@code holdMs} plus
 * {@value #CHILD_EXTRA_MS} ms, then destroys it.
 *
 * <p>Thread safety: stateless; run one at a time (concurrent runs share the descriptor limit).
 */
public final class ConnectionsBench {
    /** Descriptors kept free beyond the connections, for the JVM's own files and sockets. */
    static final int SPARE_DESCRIPTORS = 500;
    /** How much longer than the hold the parent waits for the client JVM, in milliseconds. */
    static final long CHILD_EXTRA_MS = 180_000;

    /**
     * What one run found.
     *
     * @param clientPid      the client JVM's process id
     * @param ok             requests answered 200
     * @param errors         requests that failed or were not answered
     * @param peak           the server's peak concurrency
     * @param requests       requests the server saw
     * @param clientSeconds  the clients' elapsed time, as the client JVM measured it
     * @param elapsedSeconds the whole run, client JVM start included
     * @param firstError     the first client error, or empty
     */
    public record Result(int connections, int holdMs, long clientPid, int ok, int errors, int peak, long requests,
            double clientSeconds, double elapsedSeconds, String firstError) {
        /** Returns whether every request was answered and the peak reached the connection count. */
        public boolean met() {
            return errors == 0 && peak >= connections;
        }
    }

    /** The client JVM ended without a result; {@link #exitStatus()} is what the command should exit with. */
    public static final class ClientsFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitStatus;

        ClientsFailed(String message, int exitStatus) {
            super(message);
            this.exitStatus = exitStatus;
        }

        /** Returns 2 if the client JVM reported a too-low descriptor limit, else 1. */
        public int exitStatus() {
            return exitStatus;
        }
    }

    private ConnectionsBench() {
    }

    /** Returns a message if this process cannot open {@code connections} more sockets, else null. */
    public static String descriptorShortage(int connections) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
            return null; // not a Unix JVM: nothing to check
        }
        long max = os.getMaxFileDescriptorCount();
        long open = os.getOpenFileDescriptorCount();
        long needed = open + connections + SPARE_DESCRIPTORS;
        if (max < needed) {
            return "the file-descriptor limit is " + max + " but " + needed + " are needed (" + open + " open, "
                    + connections + " connections, " + SPARE_DESCRIPTORS + " spare). Raise it, e.g. `ulimit -n "
                    + (needed + 1000) + "` in the shell, or pass a smaller --connections.";
        }
        return null;
    }

    /**
     * Starts a lab server holding each request {@code holdMs}, runs the client JVM against it,
     * and returns what it found; the client JVM's other output lines go to {@code clientLines},
     * each prefixed {@code client JVM: }.
     *
     * @throws ClientsFailed if the client JVM did not finish in time or ended without a result
     * @throws IOException if the client JVM cannot be started
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static Result run(int connections, int holdMs, PrintStream clientLines)
            throws IOException, InterruptedException, ClientsFailed {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(holdMs)).withImageBytes(1024);
        try (LabServer server = LabServer.start(config)) {
            long start = System.nanoTime();
            Process child = JvmCommand.of(LoadClients.class).withArgs(String.valueOf(server.port()),
                    String.valueOf(connections), String.valueOf(holdMs)).processBuilder().redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> readLines(child.getInputStream(), lines));
            long limitMs = holdMs + CHILD_EXTRA_MS;
            boolean ended = child.waitFor(limitMs, TimeUnit.MILLISECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(10));
            double elapsed = (System.nanoTime() - start) / 1e9;
            LabCounters c = server.counters();
            List<String> copy;
            synchronized (lines) {
                copy = List.copyOf(lines);
            }
            String result = copy.stream().filter(l -> l.startsWith(LoadClients.RESULT)).findFirst().orElse("");
            copy.stream().filter(l -> !l.startsWith(LoadClients.RESULT)).forEach(l -> clientLines.println("client JVM: " + l));
            if (!ended || result.isEmpty()) {
                throw new ClientsFailed("the client JVM " + (ended ? "exited with " + child.exitValue()
                        : "did not finish within " + limitMs + " ms") + " without a result",
                        child.isAlive() || !ended ? 1 : child.exitValue() == 2 ? 2 : 1);
            }
            String[] f = result.split(" ");
            String firstError = result.contains(" first=") ? result.substring(result.indexOf(" first=") + 7) : "";
            return new Result(connections, holdMs, child.pid(), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    c.peakConcurrency(), c.requests(), Double.parseDouble(f[3]), elapsed, firstError);
        }
    }

    private static void readLines(InputStream in, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException ended) {
            // the child is gone
        }
    }

    /** Returns the table of {@code r} and whether the target was met. */
    public static String table(Result r) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d connections held %d ms by the lab server (client JVM pid %d)%n",
                r.connections(), r.holdMs(), r.clientPid()));
        s.append(String.format(Locale.ROOT, "%-22s %10s%n", "measure", "value"));
        s.append(String.format(Locale.ROOT, "%-22s %10d%n", "answered 200", r.ok()));
        s.append(String.format(Locale.ROOT, "%-22s %10d%n", "errors", r.errors()));
        s.append(String.format(Locale.ROOT, "%-22s %10d%n", "peak concurrency", r.peak()));
        s.append(String.format(Locale.ROOT, "%-22s %10d%n", "server requests", r.requests()));
        s.append(String.format(Locale.ROOT, "%-22s %10.2f%n", "clients elapsed s", r.clientSeconds()));
        s.append(String.format(Locale.ROOT, "%-22s %10.2f%n", "bound s (the hold)", r.holdMs() / 1000.0));
        s.append(String.format(Locale.ROOT, "%-22s %10.2f%n", "total elapsed s", r.elapsedSeconds()));
        s.append((r.met() ? "met" : "MISSED") + ": errors = 0 and peak = " + r.connections()
                + (r.firstError().isEmpty() ? "" : "; first error: " + r.firstError())).append('\n');
        return s.toString();
    }

    /** Returns server.csv: a header and the one line of {@code r}. */
    public static String csv(Result r) {
        return "connections,hold_ms,ok,errors,peak_concurrency,server_requests,clients_elapsed_s,total_elapsed_s,met\n"
                + String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.3f,%.3f,%s%n", r.connections(), r.holdMs(), r.ok(),
                r.errors(), r.peak(), r.requests(), r.clientSeconds(), r.elapsedSeconds(), r.met());
    }
}
