package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.DumpedThread;
import concurrencylab.lab.debug.ThreadDump;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.api.Table;

/**
 * Java's twin of Python's "nested event loop" mistake: a task that blocks, inside a bounded
 * pool, on another task of the same pool. With every thread blocked that way, the tasks they
 * wait for sit in the queue for ever: the pool starves.
 *
 * {@snippet :
 * StarvationRun starved = StarvationDemo.run(StarvationDemo.Variant.BLOCKING_JOIN, 2, Duration.ofMillis(300));
 * starved.completed();        // false: the bounded wait timed out
 * starved.stuckTable();       // starved-pool-1, -2: WAITING in CompletableFuture.join
 * StarvationDemo.compare(2, Duration.ofMillis(300));   // the mistake beside three fixes
 * }
 *
 * <p>Python stops {@code asyncio.run()} inside a running loop with an error. Java has no such
 * guard: {@code join()} in a pool thread is legal and simply waits. Every run here is bounded:
 * the caller waits with {@code orTimeout(patience)}, dumps the pool's threads if that fires,
 * then frees them. {@code join()} ignores interrupts, so {@code shutdownNow()} alone would not
 * end the outer tasks; the demo also cancels the inner futures they wait for, and then checks
 * that the pool has terminated.
 *
 * <p>Each run builds and ends its own pools; safe to call from any thread. Introduced in
 * notebook {@code 07.3-Async-Model}.
 */
public final class StarvationDemo {
    /** The prefix of the names of every thread the demo starts. */
    public static final String THREAD_PREFIX = "starved-";
    /** The size of the bounded pool the outer tasks run on. */
    public static final int POOL_SIZE = 2;
    private static final Duration END_WAIT = Duration.ofSeconds(5);

    /** The mistake and three ways out. */
    public enum Variant {
        /** The mistake: each outer task calls {@code join()} on an inner task of the same pool of 2. */
        BLOCKING_JOIN("join() inside the pool of 2"),
        /** Fix 1: no blocking; the outer step is composed with the inner one ({@code thenCompose}). */
        COMPOSED("thenCompose: never block in the pool"),
        /** Fix 2: the same blocking code on virtual threads, where blocking is cheap and threads do not run out. */
        VIRTUAL_THREADS("join() on virtual threads"),
        /** Fix 3: the same blocking code, the inner tasks on a second pool. */
        SEPARATE_POOL("inner tasks on a separate pool");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** Returns a short human label for tables. */
        public String label() {
            return label;
        }
    }

    private StarvationDemo() {
    }

    /**
     * Runs {@code outerTasks} outer tasks, each of which needs one inner task, and waits at most
     * {@code patience} for all of them; then ends every thread it started.
     *
     * @param variant    the mistake or one of the fixes
     * @param outerTasks how many outer tasks, 1..64 (with {@value #POOL_SIZE} or more the mistake starves)
     * @param patience   how long to wait for the results, 1 ms..10 s
     * @return what happened, with the stuck threads if it starved
     * @throws IllegalArgumentException if a count or duration is out of range
     * @throws InterruptedException     if interrupted while waiting for the pools to end
     */
    public static StarvationRun run(Variant variant, int outerTasks, Duration patience) throws InterruptedException {
        Require.inRange("outerTasks", outerTasks, 1, 64);
        Require.inRange("patience", patience, Duration.ofMillis(1), Duration.ofSeconds(10));
        String prefix = THREAD_PREFIX + variant.name().toLowerCase().replace('_', '-') + "-";
        ExecutorService outerPool = pool(variant == Variant.VIRTUAL_THREADS, prefix);
        ExecutorService innerPool = variant == Variant.SEPARATE_POOL ? pool(false, prefix + "inner-") : outerPool;
        List<CompletableFuture<String>> inners = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch poolFull = new CountDownLatch(Math.min(outerTasks, POOL_SIZE));
        long t0 = System.nanoTime();
        List<CompletableFuture<String>> outers = new ArrayList<>();
        try {
            for (int i = 1; i <= outerTasks; i++) {
                outers.add(outer(variant, i, outerPool, innerPool, inners, poolFull));
            }
            String outcome;
            boolean completed;
            List<DumpedThread> stuck = List.of();
            try {
                CompletableFuture.allOf(outers.toArray(CompletableFuture[]::new))
                        .orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS).join();
                completed = true;
                outcome = outers.size() + " results, e.g. \"" + outers.getFirst().join() + "\"";
            } catch (CompletionException e) {
                completed = false;
                outcome = e.getCause() instanceof TimeoutException
                        ? "TimeoutException after " + patience.toMillis() + " ms" : String.valueOf(e.getCause());
                stuck = ThreadDump.take().threadsNamed(prefix);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            boolean ended = end(outerPool, innerPool, inners, outers);
            return new StarvationRun(variant, outerTasks, completed, outcome, elapsed, stuck, ended);
        } finally {
            end(outerPool, innerPool, inners, outers);
        }
    }

    /**
     * Runs the mistake and the three fixes with the same tasks and patience.
     *
     * @return one row per variant: finished?, time, what the caller saw, stuck threads, threads ended?
     * @throws IllegalArgumentException as {@link #run}
     * @throws InterruptedException     if interrupted
     */
    public static Table compare(int outerTasks, Duration patience) throws InterruptedException {
        List<StarvationRun> runs = new ArrayList<>();
        for (Variant v : Variant.values()) {
            runs.add(run(v, outerTasks, patience));
        }
        return RowTable.of(runs)
                .text("variant", r -> r.variant().label())
                .flags("finished", StarvationRun::completed)
                .ints("ms", r -> (int) r.elapsed().toMillis())
                .text("the caller saw", StarvationRun::outcome)
                .ints("stuck threads", r -> r.stuck().size())
                .flags("all threads ended", StarvationRun::threadsEnded)
                .toTable(outerTasks + " outer tasks, each needing an inner task; pool of " + POOL_SIZE);
    }

    private static ExecutorService pool(boolean virtual, String prefix) {
        if (virtual) {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 1).factory());
        }
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(POOL_SIZE, r -> new Thread(r, prefix + n.incrementAndGet()));
    }

    private static CompletableFuture<String> outer(Variant variant, int i, ExecutorService outerPool,
                                                   ExecutorService innerPool,
                                                   List<CompletableFuture<String>> inners, CountDownLatch poolFull) {
        if (variant == Variant.COMPOSED) {
            return CompletableFuture.supplyAsync(() -> "outer " + i, outerPool)
                    .thenCompose(o -> inner(i, innerPool, inners).thenApply(in -> o + " + " + in));
        }
        return CompletableFuture.supplyAsync(() -> {
            poolFull.countDown();
            awaitQuietly(poolFull); // every thread of the pool now holds an outer task
            CompletableFuture<String> in = inner(i, innerPool, inners);
            return "outer " + i + " + " + in.join(); // the mistake when innerPool == outerPool: blocks a pool thread
        }, outerPool);
    }

    private static CompletableFuture<String> inner(int i, ExecutorService pool, List<CompletableFuture<String>> inners) {
        CompletableFuture<String> in = CompletableFuture.supplyAsync(() -> "inner " + i, pool);
        inners.add(in);
        return in;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frees blocked outer tasks (cancel what they wait for), ends the pools, and says whether they ended. */
    private static boolean end(ExecutorService outerPool, ExecutorService innerPool,
                               List<CompletableFuture<String>> inners, List<CompletableFuture<String>> outers)
            throws InterruptedException {
        outerPool.shutdownNow();   // drops the queued inner tasks; join() ignores the interrupt
        innerPool.shutdownNow();
        synchronized (inners) {
            inners.forEach(f -> f.cancel(true)); // join() now throws CancellationException: the threads return
        }
        outers.forEach(f -> f.cancel(true));
        boolean ended = outerPool.awaitTermination(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return innerPool.awaitTermination(END_WAIT.toMillis(), TimeUnit.MILLISECONDS) && ended;
    }

}
