package concurrencylab.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running worker JVM seen from the parent: its pipes, its stderr (forwarded to this
 * JVM's System.err with a prefix, last lines kept for error messages) and how to stop it.
 * Used by one dispatcher thread at a time; {@link #kill()} may be called from any thread.
 */
final class WorkerProcess {

    private static final int TAIL_LINES = 12;

    private final int index;
    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final Thread stderrPump;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private boolean ready;

    private WorkerProcess(int poolId, int index, Process process) {
        this.index = index;
        this.process = process;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        String prefix = "[ProcessPool-" + poolId + " worker " + index + " pid " + process.pid() + "] ";
        this.stderrPump = Thread.ofPlatform().daemon().name("ProcessPool-" + poolId + "-worker-" + index + "-stderr")
                .start(() -> pumpStderr(prefix));
    }

    /** Starts a worker JVM; it becomes ready in the background. */
    static WorkerProcess start(WorkerLauncher launcher, int poolId, int index) throws IOException {
        List<String> command = launcher.command(poolId, index);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        return new WorkerProcess(poolId, index, p);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int index() {
        return index;
    }

    /** Sends one serialized task and blocks until the worker's reply (waits for its handshake first). */
    WireFormat.Reply call(byte[] payload) throws IOException {
        if (!ready) {
            WireFormat.readHandshake(fromWorker);
            ready = true;
        }
        WireFormat.writeTask(toWorker, payload);
        return WireFormat.readReply(fromWorker);
    }

    /** Waits up to {@code timeout} for the JVM to exit; returns its exit status, or -1 if still running. */
    int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stderrPump.join(Duration.ofSeconds(2));
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Kills the JVM at once (SIGKILL); returns immediately. */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Stops the JVM: closes its stdin (it exits on EOF), waits up to {@code grace}, then
     * destroys it, then kills it; every wait is bounded.
     */
    void stop(Duration grace) {
        try {
            toWorker.close();
        } catch (IOException alreadyGone) {
            // a dead worker's pipe: nothing to close
        }
        if (awaitExit(grace) >= 0) {
            return;
        }
        process.destroy();
        if (awaitExit(Duration.ofSeconds(2)) >= 0) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Returns the last lines the worker wrote to stderr, for error messages. */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private void pumpStderr(String prefix) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                remember(line);
                System.err.println(prefix + line); // read each time: a kernel may swap System.err per cell
            }
        } catch (IOException closed) {
            // the worker is gone
        }
    }

    private void remember(String line) {
        synchronized (stderrTail) {
            if (stderrTail.size() == TAIL_LINES) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line);
        }
    }

    @Override
    public String toString() {
        return "worker " + index + " (pid " + process.pid() + ")";
    }
}
