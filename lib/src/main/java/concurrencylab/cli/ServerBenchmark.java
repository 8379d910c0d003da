package concurrencylab.cli;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabCounters;
import concurrencylab.lab.server.LabServer;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./course bench server}: can the lab server hold 10,000 connections at once? A child
 * JVM opens {@code --connections} sockets to a {@link LabServer} on loopback, one virtual
 * thread each, and sends one GET on each; the server holds every request for
 * {@code --hold-ms} (its latency), so they are all open together. Reports the server's peak
 * concurrency (from {@link LabCounters}), the errors (must be 0) and the elapsed time.
 *
 * {@snippet lang=sh :
 * ./course bench server                                   # 10,000 connections held 5 s
 * ./course bench server --connections 2000 --hold-ms 2000
 * }
 *
 * <p>Why a child JVM: each connection costs a file descriptor at both ends, and both ends in
 * one process would need twice the descriptors. Each process checks its own descriptor limit
 * first and stops with a clear message if it is too low (raise it with {@code ulimit -n}).
 * The clients are plain sockets on virtual threads (a minimal HTTP/1.1 GET with
 * {@code Connection: close}), every one with connect and read timeouts. Prints a table and
 * writes {@code DIR/server.csv}. Exit status: 0 when every request was answered and the peak
 * reached the connection count, 1 otherwise, 2 on bad arguments or a too-low descriptor limit.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class ServerBenchmark {
    private static final int SPARE_DESCRIPTORS = 500;
    private static final String CHILD_FLAG = "--client-port";

    private ServerBenchmark() {
    }

    /**
     * Runs the benchmark, or (with {@code --client-port}) the child JVM's clients.
     *
     * @param args {@code [--out DIR] [--connections 1..50000] [--hold-ms 100..60000]}
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD_FLAG)) {
            System.exit(clients(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3])));
        }
        WebBenchArgs options;
        int connections;
        int holdMs;
        try {
            options = WebBenchArgs.parse(args, Set.of("--connections", "--hold-ms"));
            connections = options.intIn("--connections", 10_000, 1, 50_000);
            holdMs = options.intIn("--hold-ms", 5_000, 100, 60_000);
        } catch (IllegalArgumentException e) {
            System.err.println("ServerBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        String tooFew = descriptorShortage(connections);
        if (tooFew != null) {
            System.err.println("ServerBenchmark (server JVM): " + tooFew);
            System.exit(2);
        }
        System.exit(run(options.out(), connections, holdMs));
    }

    /** Returns a message if this process cannot open {@code connections} more sockets, else null. */
    static String descriptorShortage(int connections) {
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

    private static int run(Path out, int connections, int holdMs) throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(holdMs)).withImageBytes(1024);
        try (LabServer server = LabServer.start(config)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = List.of(java, "--enable-preview", "-cp", System.getProperty("java.class.path"),
                    ServerBenchmark.class.getName(), CHILD_FLAG, String.valueOf(server.port()),
                    String.valueOf(connections), String.valueOf(holdMs));
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> readLines(child.getInputStream(), lines));
            long limitMs = holdMs + 180_000L;
            boolean ended = child.waitFor(limitMs, TimeUnit.MILLISECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(10));
            double elapsed = (System.nanoTime() - start) / 1e9;
            LabCounters c = server.counters();
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("");
            lines.stream().filter(l -> !l.startsWith("RESULT ")).forEach(l -> System.out.println("client JVM: " + l));
            if (!ended || result.isEmpty()) {
                System.err.println("ServerBenchmark: the client JVM " + (ended ? "exited with " + child.exitValue()
                        : "did not finish within " + limitMs + " ms") + " without a result");
                return child.isAlive() || !ended ? 1 : child.exitValue() == 2 ? 2 : 1;
            }
            String[] f = result.split(" ");
            int ok = Integer.parseInt(f[1]);
            int errors = Integer.parseInt(f[2]);
            double clientSeconds = Double.parseDouble(f[3]);
            String firstError = result.contains(" first=") ? result.substring(result.indexOf(" first=") + 7) : "";
            boolean met = errors == 0 && c.peakConcurrency() >= connections;
            System.out.printf(Locale.ROOT, "%d connections held %d ms by the lab server (client JVM pid %d)%n",
                    connections, holdMs, child.pid());
            System.out.printf(Locale.ROOT, "%-22s %10s%n", "measure", "value");
            System.out.printf(Locale.ROOT, "%-22s %10d%n", "answered 200", ok);
            System.out.printf(Locale.ROOT, "%-22s %10d%n", "errors", errors);
            System.out.printf(Locale.ROOT, "%-22s %10d%n", "peak concurrency", c.peakConcurrency());
            System.out.printf(Locale.ROOT, "%-22s %10d%n", "server requests", c.requests());
            System.out.printf(Locale.ROOT, "%-22s %10.2f%n", "clients elapsed s", clientSeconds);
            System.out.printf(Locale.ROOT, "%-22s %10.2f%n", "bound s (the hold)", holdMs / 1000.0);
            System.out.printf(Locale.ROOT, "%-22s %10.2f%n", "total elapsed s", elapsed);
            System.out.println((met ? "met" : "MISSED") + ": errors = 0 and peak = " + connections
                    + (firstError.isEmpty() ? "" : "; first error: " + firstError));
            Files.createDirectories(out);
            Path csv = out.resolve("server.csv");
            Files.writeString(csv, "connections,hold_ms,ok,errors,peak_concurrency,server_requests,clients_elapsed_s,"
                    + "total_elapsed_s,met\n" + String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.3f,%.3f,%s%n",
                    connections, holdMs, ok, errors, c.peakConcurrency(), c.requests(), clientSeconds, elapsed, met));
            System.out.println("wrote " + csv);
            return met ? 0 : 1;
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

    /** The child JVM: {@code connections} virtual threads, one GET each; prints {@code RESULT ok errors seconds}. */
    private static int clients(int port, int connections, int holdMs) throws InterruptedException {
        String tooFew = descriptorShortage(connections);
        if (tooFew != null) {
            System.out.println("(client JVM) " + tooFew);
            return 2;
        }
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        int readTimeoutMs = holdMs + 60_000;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                int n = i;
                threads.execute(() -> {
                    try {
                        if (get(server, n, readTimeoutMs)) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "a status other than 200");
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
            if (!done.await(readTimeoutMs + 60_000L, TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %d %d %.3f%s%n", ok.get(), errors.get() + (int) done.getCount(), seconds,
                firstError.get() == null ? "" : " first=" + firstError.get());
        return 0;
    }

    /** One GET of /img/n with Connection: close; returns whether the status was 200. */
    private static boolean get(InetSocketAddress server, int n, int readTimeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 60_000);
            socket.setSoTimeout(readTimeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /img/" + n + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            in.transferTo(OutputStream.nullOutputStream());
            return new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        }
    }
}
