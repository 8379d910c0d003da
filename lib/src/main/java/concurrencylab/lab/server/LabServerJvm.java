package concurrencylab.lab.server;

import concurrencylab.exec.JvmCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LabServer} in a child JVM, as a student's downloads would meet a server elsewhere:
 * its JIT, GC and threads are not the clients'. Used by {@code ./course bench downloads
 * --server-jvm 1}.
 * {@snippet :
 * try (LabServerJvm server = LabServerJvm.start(Duration.ofMillis(100))) {
 *     URI image = server.base().resolve("img/0");
 *     // ... download from it ...
 * }   // closes the child's stdin, waits, destroys it forcibly if it has not ended
 * }
 * The child ({@link #main}) starts a lab server with the given latency, prints
 * {@code PORT n}, and serves until its standard input ends (the parent closes it, or dies).
 * {@link #start} waits up to {@link #PORT_WAIT} for that line. {@link #close()} always ends
 * the child: it closes the child's standard input, waits up to {@link #END_WAIT}, then
 * destroys it forcibly, and prints which it took.
 *
 * <p>Thread safety: one owner; {@link #close()} is not for concurrent use.
 */
public final class LabServerJvm implements AutoCloseable {
    /** How long {@link #close()} waits for the child to end, once gently and once after destroying it. */
    public static final Duration END_WAIT = Duration.ofSeconds(10);
    /** How long {@link #start} waits for the child to report its port. */
    public static final Duration PORT_WAIT = Duration.ofSeconds(30);

    private final Process child;
    private final URI base;

    private LabServerJvm(Process child, URI base) {
        this.child = child;
        this.base = base;
    }

    /**
     * Starts the child JVM with a lab server of {@code latency} and waits for its port.
     *
     * @throws IOException if the child cannot start or does not report its port in time
     *     (it is ended then)
     * @throws InterruptedException if interrupted while waiting
     */
    public static LabServerJvm start(Duration latency) throws IOException, InterruptedException {
        Process child = JvmCommand.of(LabServerJvm.class).withArgs(String.valueOf(latency.toMillis()))
                .processBuilder().redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> first = new ArrayBlockingQueue<>(1);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = in.readLine();
                first.offer(line == null ? "" : line);
                while (in.readLine() != null) {
                    // drain until the child exits
                }
            } catch (IOException gone) {
                first.offer("");
            }
        });
        String line = first.poll(PORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || !line.startsWith("PORT ")) {
            new LabServerJvm(child, null).close();
            throw new IOException("the lab server JVM did not report its port (got " + line + ")");
        }
        URI base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + Integer.parseInt(line.substring(5).trim()) + "/");
        return new LabServerJvm(child, base);
    }

    /** Returns the server's base address, e.g. {@code http://127.0.0.1:41234/}. */
    public URI base() {
        return base;
    }

    /** Returns whether the child JVM is still running. */
    public boolean isAlive() {
        return child.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            child.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // it has exited
        }
        if (child.waitFor(END_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.printf(Locale.ROOT, "lab server JVM (pid %d) ended, exit status %d%n", child.pid(),
                    child.exitValue());
            return;
        }
        child.destroyForcibly();
        boolean ended = child.waitFor(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        System.out.printf(Locale.ROOT, "lab server JVM (pid %d) did not end within %d s: destroyed forcibly%s%n",
                child.pid(), END_WAIT.toSeconds(),
                ended ? "" : ", and still not gone after another " + END_WAIT.toSeconds() + " s");
    }

    /**
     * The child JVM: a lab server with {@code args[0]} ms of latency, its port printed as
     * {@code PORT n}; it serves until its standard input ends, then closes. Exit status 2 if
     * the argument is not a latency of 1..60000 ms.
     *
     * @throws IOException if the server cannot start or standard input fails
     */
    public static void main(String[] args) throws IOException {
        int latencyMs;
        try {
            latencyMs = args.length == 1 ? Integer.parseInt(args[0]) : -1;
        } catch (NumberFormatException notANumber) {
            latencyMs = -1;
        }
        if (latencyMs < 1 || latencyMs > 60_000) {
            System.err.println("LabServerJvm: expected one argument, the latency in ms (1..60000), got "
                    + String.join(" ", args));
            System.exit(2);
        }
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(Duration.ofMillis(latencyMs)))) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
