package concurrencylab.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A latch across processes: waits, with a deadline, for a file another process writes. */
final class FileLatch {

    private FileLatch() {
    }

    static String await(Path file, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + file + " after " + timeout);
            }
            Thread.sleep(20);
        }
        return Files.readString(file).trim();
    }

    /** Waits, with a deadline, until no process with this pid is alive; returns whether it is gone. */
    static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
