package concurrencylab.exec;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Calls {@code close()} of an executor on a thread of its own, so that a test can set that
 * thread's interrupt flag first or interrupt it while it waits, bound how long it waits for
 * close() to return, and read the flag afterwards.
 */
final class Closer {

    private final Thread thread;
    private volatile long tookNanos = -1;
    private volatile boolean interruptedAfter;

    private Closer(ExecutorService pool, boolean interruptFirst) {
        thread = Thread.ofPlatform().daemon().name("closer").unstarted(() -> {
            if (interruptFirst) {
                Thread.currentThread().interrupt();
            }
            long start = System.nanoTime();
            pool.close();
            interruptedAfter = Thread.currentThread().isInterrupted();
            tookNanos = System.nanoTime() - start;
        });
    }

    /** Starts close() on a new thread, whose interrupt flag is set first if {@code interruptFirst}. */
    static Closer start(ExecutorService pool, boolean interruptFirst) {
        Closer closer = new Closer(pool, interruptFirst);
        closer.thread.start();
        return closer;
    }

    /** Interrupts the thread calling close(). */
    void interrupt() {
        thread.interrupt();
    }

    /** Waits up to {@code bound} for close() to return; returns whether it did. */
    boolean awaitReturn(Duration bound) throws InterruptedException {
        return thread.join(bound) && tookNanos >= 0;
    }

    /** How long close() took; only meaningful once {@link #awaitReturn} returned true. */
    Duration took() {
        return Duration.ofNanos(tookNanos);
    }

    /** Whether the closing thread's interrupt flag was set when close() returned. */
    boolean interruptedAfter() {
        return interruptedAfter;
    }
}
