package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.DumpedThread;
import concurrencylab.lab.debug.ThreadDump;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.api.Table;

/**
 * A pool that hangs because nothing in it has a timeout, found with a thread dump.
 *
 * <p>A pool of two threads runs two tasks; each submits a sub-task to the same pool and waits
 * for it with {@code Future.get()} and no timeout. Both threads wait, the sub-tasks sit in the
 * queue, and nothing moves: a starvation deadlock that {@code ThreadMXBean} cannot see, since
 * no lock is involved. The demo's own wait is bounded: after {@code patience} it dumps the
 * threads (showing both workers parked in {@code FutureTask.get}), then {@code shutdownNow()}
 * interrupts them so the pool ends.
 *
 * {@snippet :
 * HangingPoolDemo.Found found = HangingPoolDemo.run(Duration.ofMillis(300));
 * found.toTable(); // no-timeout-pool-1, -2: WAITING in FutureTask.get
 * }
 *
 * <p>Each call builds and ends its own pool; safe to call from any thread.
 *
 * <p>Notebook {@code 07.5-Debugging-Toolbox} writes the same hang by hand; this class
 * packs it for tests.
 */
public final class HangingPoolDemo {
    /** The prefix of the pool's thread names. */
    public static final String THREAD_PREFIX = "no-timeout-pool-";

    private HangingPoolDemo() {
    }

    /**
     * What the bounded wait saw and what the dump found.
     *
     * @param callerSaw  what the caller's {@code get(patience)} ended with
     * @param stuck      the pool's threads as the dump showed them
     * @param poolEnded  whether the pool terminated after {@code shutdownNow()}
     */
    public record Found(String callerSaw, List<DumpedThread> stuck, boolean poolEnded) {
        /** Returns one row per stuck thread: name, state, where it waits, your frame. */
        public Table toTable() {
            return DumpedThread.waitTable("Threads of the hung pool", stuck, "FutureTask.get", "awaitDone");
        }
    }

    /**
     * Starts the hang, waits {@code patience} for a result, dumps the pool's threads, then
     * ends the pool.
     *
     * @param patience how long to wait for the result, 1 ms to 10 s
     * @return what was found
     * @throws IllegalArgumentException if {@code patience} is out of range
     * @throws InterruptedException     if interrupted while waiting
     */
    public static Found run(Duration patience) throws InterruptedException {
        Require.inRange("patience", patience, Duration.ofMillis(1), Duration.ofSeconds(10));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2,
                r -> new Thread(r, THREAD_PREFIX + n.incrementAndGet()));
        try {
            CountDownLatch bothBusy = new CountDownLatch(2);
            List<Future<String>> outer = List.of(pool.submit(() -> outerTask(pool, bothBusy)),
                    pool.submit(() -> outerTask(pool, bothBusy)));
            String saw;
            try {
                saw = outer.getFirst().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                saw = "TimeoutException after " + patience.toMillis() + " ms";
            } catch (ExecutionException e) {
                saw = "ExecutionException: " + e.getCause();
            }
            List<DumpedThread> stuck = ThreadDump.take().threadsNamed(THREAD_PREFIX);
            pool.shutdownNow();
            return new Found(saw, stuck, pool.awaitTermination(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The mistake: waits for a sub-task of the same full pool, with no timeout. */
    private static String outerTask(ExecutorService pool, CountDownLatch bothBusy)
            throws InterruptedException, ExecutionException {
        bothBusy.countDown();
        bothBusy.await(5, TimeUnit.SECONDS); // both workers hold an outer task: the pool is full
        Future<String> inner = pool.submit(() -> "inner result");
        return inner.get();
    }
}
