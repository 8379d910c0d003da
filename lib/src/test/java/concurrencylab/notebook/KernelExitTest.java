package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelExitTest {

    @Test
    @DisplayName("the exit runs once the watched thread has ended, not before, on a daemon thread")
    void exitsOnlyAfterTheWatchedThreadEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch exited = new CountDownLatch(1);
        Thread main = Thread.ofPlatform().start(() -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread watcher = KernelExit.whenEnds(main, exited::countDown);
        assertTrue(watcher.isDaemon());
        assertFalse(exited.await(200, TimeUnit.MILLISECONDS), "exited while the watched thread was alive");
        release.countDown();
        assertTrue(exited.await(10, TimeUnit.SECONDS), "did not exit after the watched thread ended");
        assertTrue(watcher.join(Duration.ofSeconds(10)));
        assertEquals(0, exited.getCount());
    }

    @Test
    @DisplayName("a failed main thread is reported with its cause, and a port in use says what happened")
    void failureLineNamesTheCauseAndAPortInUse() {
        String taken = KernelExit.failureLine(new IllegalStateException("bind failed",
                new RuntimeException("Errno 48 : Address already in use")));
        assertTrue(taken.contains("IllegalStateException: bind failed"), taken);
        assertTrue(taken.contains("caused by java.lang.RuntimeException: Errno 48 : Address already in use"), taken);
        assertTrue(taken.contains("taken by another process"), taken);
        String other = KernelExit.failureLine(new IllegalArgumentException("Connection file 'x' isn't a file."));
        assertTrue(other.contains("Connection file 'x' isn't a file."), other);
        assertFalse(other.contains("taken by another process"), other);
    }
}
