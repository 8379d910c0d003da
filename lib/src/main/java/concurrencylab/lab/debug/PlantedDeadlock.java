package concurrencylab.lab.debug;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A deadlock made on purpose, for finding and then ending: two platform threads take two
 * locks in opposite orders. The locks are taken with {@link ReentrantLock#lockInterruptibly()},
 * so {@link #close()} can interrupt both threads and they end: nothing is left behind.
 *
 * {@snippet :
 * try (PlantedDeadlock d = PlantedDeadlock.plant()) {
 *     DeadlockFinder.await(Duration.ofSeconds(2)); // deadlock-A and deadlock-B
 * }                                               // both interrupted and ended
 * }
 *
 * <p>{@link #close()} is safe to call from any thread, more than once.
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public final class PlantedDeadlock implements AutoCloseable {
    private final List<Thread> threads;

    private PlantedDeadlock(List<Thread> threads) {
        this.threads = threads;
    }

    /**
     * Starts {@code deadlock-A} (takes lock 1, then 2) and {@code deadlock-B} (2, then 1),
     * each taking its first lock before either tries its second.
     *
     * @return the running deadlock; close it to end it
     */
    public static PlantedDeadlock plant() {
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread a = Thread.ofPlatform().name("deadlock-A").daemon().start(() -> lockBoth(first, second, bothHoldOne));
        Thread b = Thread.ofPlatform().name("deadlock-B").daemon().start(() -> lockBoth(second, first, bothHoldOne));
        return new PlantedDeadlock(List.of(a, b));
    }

    /** Returns the two threads (for checking they ended). */
    public List<Thread> threads() {
        return threads;
    }

    /** Interrupts both threads and waits up to 2 s each for them to end. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void lockBoth(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHoldOne) {
        try {
            mine.lockInterruptibly();
            try {
                bothHoldOne.countDown();
                if (!bothHoldOne.await(5, TimeUnit.SECONDS)) {
                    return;
                }
                theirs.lockInterruptibly(); // never succeeds: the other thread holds it
                theirs.unlock();
            } finally {
                mine.unlock();
            }
        } catch (InterruptedException e) {
            // close() ended the deadlock: release and end quietly
        }
    }
}
