package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.DumpContainer;
import concurrencylab.lab.debug.ThreadDump;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code StructuredTaskScope} as Java's nursery (trio's term), shown against the same code on
 * {@code CompletableFuture}: three tasks, one fails fast, two are slow.
 *
 * <ul>
 *   <li>{@link #firstFailureCancelsSiblings()}: the failure cancels the slow siblings; when the
 *       scope closes, every task has ended.</li>
 *   <li>{@link #deadlineCancelsEveryone(Duration)}: the scope's timeout cancels every task.</li>
 *   <li>{@link #orphansOnCompletableFuture()}: the caller sees the failure and moves on, even
 *       calls {@code cancel(true)}, yet the slow tasks keep running: orphans. The demo then
 *       waits for them (bounded) so nothing leaks.</li>
 *   <li>{@link #liveScopeTree()}: a thread dump taken while nested scopes are running.</li>
 * </ul>
 *
 * {@snippet :
 * NurseryDemo.firstFailureCancelsSiblings().toTable();
 * NurseryDemo.orphansOnCompletableFuture().toTable();
 * }
 *
 * <p>Each call builds and ends its own tasks; safe to call from any thread. Introduced in
 * notebook {@code 07.5-Debugging-Toolbox}.
 */
public final class NurseryDemo {
    /** The failing task fails after this long. */
    public static final Duration FAIL_AFTER = Duration.ofMillis(50);
    /** The slow tasks would take this long if nobody cancelled them. */
    public static final Duration SLOW = Duration.ofMillis(800);
    static final String FAILING = "fails fast";
    static final String SLOW_1 = "slow-1";
    static final String SLOW_2 = "slow-2";

    private NurseryDemo() {
    }

    /**
     * Runs the three tasks in a scope that fails on the first failure.
     *
     * @return the outcome: the slow tasks cancelled, no orphans
     */
    public static NurseryRun firstFailureCancelsSiblings() {
        return inScope("StructuredTaskScope: first failure cancels siblings", null);
    }

    /**
     * Runs the three tasks, none failing, in a scope with a deadline shorter than the slow ones.
     *
     * @param deadline the scope's timeout, 1 ms to 10 s
     * @return the outcome: every task cancelled at the deadline, no orphans
     * @throws IllegalArgumentException if {@code deadline} is out of range
     */
    public static NurseryRun deadlineCancelsEveryone(Duration deadline) {
        Require.inRange("deadline", deadline, Duration.ofMillis(1), Duration.ofSeconds(10));
        return inScope("StructuredTaskScope: a deadline of " + deadline.toMillis() + " ms", deadline);
    }

    private static NurseryRun inScope(String title, Duration deadline) {
        long t0 = System.nanoTime();
        Queue<NurseryRun.TaskFate> fates = new ConcurrentLinkedQueue<>();
        String saw;
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAllSuccessfulOrThrow(),
                cf -> deadline == null ? cf.withName("nursery") : cf.withName("nursery").withTimeout(deadline))) {
            scope.fork(tracked(deadline == null ? FAILING : "fast", t0, fates,
                    deadline == null ? NurseryDemo::failSoon : () -> nap(FAIL_AFTER)));
            scope.fork(tracked(SLOW_1, t0, fates, () -> nap(SLOW)));
            scope.fork(tracked(SLOW_2, t0, fates, () -> nap(SLOW)));
            scope.join();
            saw = "all done";
        } catch (StructuredTaskScope.FailedException e) {
            saw = "FailedException: " + e.getCause();
        } catch (StructuredTaskScope.TimeoutException e) {
            saw = "TimeoutException";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            saw = "interrupted";
        }
        return new NurseryRun(title, saw, ms(t0), fates.stream().toList());
    }

    /**
     * Runs the same three tasks on {@code CompletableFuture.supplyAsync} with its own pool;
     * the caller joins them in order, sees the failure, calls {@code cancel(true)} on the
     * others and moves on. The slow tasks run to the end anyway: cancelling a
     * {@code CompletableFuture} does not interrupt its task. The demo then waits (at most
     * {@code SLOW} + 5 s) for them, so the pool's threads do not leak.
     *
     * @return the outcome: two orphans that ended after the caller returned
     */
    public static NurseryRun orphansOnCompletableFuture() {
        long t0 = System.nanoTime();
        Queue<NurseryRun.TaskFate> fates = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        var failing = CompletableFuture.supplyAsync(supplier(tracked(FAILING, t0, fates, NurseryDemo::failSoon)), pool);
        var slow1 = CompletableFuture.supplyAsync(supplier(tracked(SLOW_1, t0, fates, () -> nap(SLOW))), pool);
        var slow2 = CompletableFuture.supplyAsync(supplier(tracked(SLOW_2, t0, fates, () -> nap(SLOW))), pool);
        String saw;
        try {
            saw = failing.join() + slow1.join() + slow2.join();
        } catch (CompletionException e) {
            saw = "CompletionException: " + e.getCause() + "; cancel(true) on the others -> "
                    + slow1.cancel(true) + ", " + slow2.cancel(true);
        }
        long callerReturned = ms(t0);
        awaitQuietly(pool);
        return new NurseryRun("CompletableFuture: orphans keep running", saw, callerReturned,
                fates.stream().toList());
    }

    /**
     * Takes a thread dump while nested scopes run: scope {@code order} forks
     * {@code fetch-user} and {@code fetch-items}; {@code fetch-items} opens scope
     * {@code items} and forks two more. All wait on a latch until the dump is taken.
     *
     * @return the {@code order} container, with {@code items} under it
     * @throws IllegalStateException if the scopes did not start within 5 s
     */
    public static DumpContainer liveScopeTree() {
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        try (var order = StructuredTaskScope.open(Joiner.<Object>awaitAll(), cf -> cf.withName("order")
                .withThreadFactory(Thread.ofVirtual().name("order-", 1).factory()))) {
            order.fork(() -> waitHere(started, release));
            order.fork(() -> fetchItems(started, release));
            try {
                if (!started.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the scopes did not start within 5 s");
                }
                return ThreadDump.take().find("order").orElseThrow();
            } finally {
                release.countDown();
                order.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scopes ran", e);
        }
    }

    private static Object fetchItems(CountDownLatch started, CountDownLatch release) throws InterruptedException {
        try (var items = StructuredTaskScope.open(Joiner.<Object>awaitAll(), cf -> cf.withName("items")
                .withThreadFactory(Thread.ofVirtual().name("items-", 1).factory()))) {
            items.fork(() -> waitHere(started, release));
            items.fork(() -> waitHere(started, release));
            items.join();
        }
        return "items";
    }

    private static Object waitHere(CountDownLatch started, CountDownLatch release) throws InterruptedException {
        started.countDown();
        return release.await(10, TimeUnit.SECONDS);
    }

    private static String failSoon() throws InterruptedException {
        Thread.sleep(FAIL_AFTER);
        throw new IllegalStateException("boom");
    }

    private static String nap(Duration d) throws InterruptedException {
        Thread.sleep(d);
        return "done";
    }

    private static Callable<String> tracked(String name, long t0, Queue<NurseryRun.TaskFate> fates,
                                            Callable<String> body) {
        return () -> {
            try {
                String result = body.call();
                fates.add(new NurseryRun.TaskFate(name, "completed", ms(t0)));
                return result;
            } catch (InterruptedException e) {
                fates.add(new NurseryRun.TaskFate(name, "cancelled (interrupted)", ms(t0)));
                throw e;
            } catch (Exception e) {
                fates.add(new NurseryRun.TaskFate(name, "failed: " + e.getMessage(), ms(t0)));
                throw e;
            }
        };
    }

    private static Supplier<String> supplier(Callable<String> c) {
        return () -> {
            try {
                return c.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SLOW.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
