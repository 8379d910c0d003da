package concurrencylab.lab.pitfalls;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tech.tablesaw.api.Table;

/**
 * Pitfall 3, live and measured: objects that are not thread-safe, shared by threads, lose
 * updates. A {@code volatile long} counter ({@code volatile} is not atomic) and an {@link ArrayList} are updated by several
 * platform threads at once, next to a {@link LongAdder} and a synchronized list doing the same.
 *
 * {@snippet :
 * LostUpdateDemo.run(4, 200_000).toTable();   // expected vs counted, and how many were lost
 * }
 *
 * <p>The number lost differs from run to run (it can even be 0 on a quiet machine): that is
 * the point. The demo's threads are joined with a bounded wait. Stateless and thread-safe
 * itself. Introduced in notebook {@code 07.2-Executors}.
 */
public final class LostUpdateDemo {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private LostUpdateDemo() {
    }

    /**
     * One row per shared object.
     *
     * @param expected        updates made in total ({@code threads x updatesPerThread})
     * @param plainCounter    what the {@code volatile long} counter ({@code count++}) says
     * @param adder           what the {@link LongAdder} says
     * @param arrayList       the size of the shared {@link ArrayList} at the end
     * @param arrayListErrors exceptions the ArrayList threw while being added to concurrently
     * @param synchronizedList the size of the {@code Collections.synchronizedList} at the end
     */
    public record Result(long expected, long plainCounter, long adder, long arrayList, long arrayListErrors,
                         long synchronizedList) {
        /** Returns how many increments the plain counter lost. */
        public long lostByCounter() {
            return expected - plainCounter;
        }

        /** Returns one row per shared object: expected, counted, lost. */
        public Table toTable() {
            List<Map.Entry<String, Long>> rows = List.of(Map.entry("volatile long counter (count++)", plainCounter),
                    Map.entry("LongAdder", adder),
                    Map.entry("ArrayList.add (" + arrayListErrors + " exceptions)", arrayList),
                    Map.entry("synchronizedList.add", synchronizedList));
            return RowTable.of(rows)
                    .text("shared object", Map.Entry::getKey)
                    .longs("expected", r -> expected)
                    .longs("counted", Map.Entry::getValue)
                    .longs("lost", r -> expected - r.getValue())
                    .toTable("Shared objects under " + expected + " concurrent updates");
        }
    }

    /**
     * A counter with no lock. {@code volatile} makes every read and write go to memory (so the
     * JIT cannot fold the loop into one addition), but {@code count++} stays three steps:
     * read, add, write; two threads that read the same value lose an update.
     */
    private static final class PlainCounter {
        volatile long count;
    }

    /**
     * Runs each shared object under {@code threads} threads making {@code updatesPerThread} updates each.
     *
     * @throws IllegalArgumentException if {@code threads} is outside 2..64 or {@code updatesPerThread} outside 1..10,000,000
     */
    public static Result run(int threads, int updatesPerThread) throws InterruptedException {
        Require.inRange("threads", threads, 2, 64);
        Require.inRange("updatesPerThread", updatesPerThread, 1, 10_000_000);
        PlainCounter plain = new PlainCounter();
        LongAdder adder = new LongAdder();
        List<Integer> list = new ArrayList<>();
        List<Integer> synced = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger listErrors = new AtomicInteger();
        inParallel(threads, () -> {
            for (int i = 0; i < updatesPerThread; i++) {
                plain.count++;
            }
        });
        inParallel(threads, () -> {
            for (int i = 0; i < updatesPerThread; i++) {
                adder.increment();
            }
        });
        inParallel(threads, () -> {
            for (int i = 0; i < updatesPerThread; i++) {
                try {
                    list.add(i);
                } catch (RuntimeException broken) { // e.g. ArrayIndexOutOfBoundsException during a resize
                    listErrors.incrementAndGet();
                }
            }
        });
        inParallel(threads, () -> {
            for (int i = 0; i < updatesPerThread; i++) {
                synced.add(i);
            }
        });
        return new Result((long) threads * updatesPerThread, plain.count, adder.sum(), list.size(),
                listErrors.get(), synced.size());
    }

    private static void inParallel(int threads, Runnable work) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    work.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                try {
                    f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a demo thread failed", e.getCause());
                } catch (TimeoutException e) {
                    pool.shutdownNow();
                    throw new IllegalStateException("a demo thread did not finish within " + WAIT);
                }
            }
        }
    }
}
