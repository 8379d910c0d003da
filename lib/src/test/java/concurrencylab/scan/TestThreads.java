package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** Test fixture: a virtual-thread factory that remembers every thread it made. */
final class TestThreads implements ThreadFactory {
    final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory delegate = Thread.ofVirtual().name("test-scan-", 0).factory();

    @Override
    public Thread newThread(Runnable task) {
        Thread t = delegate.newThread(task);
        made.add(t);
        return t;
    }

    /** Asserts every thread made has ended (each given a bounded moment to finish exiting). */
    void assertAllEnded() throws InterruptedException {
        for (Thread t : made) {
            t.join(Duration.ofSeconds(5));
            assertFalse(t.isAlive(), t + " is still alive after the scan returned");
        }
    }
}
