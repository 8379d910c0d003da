package concurrencylab.lab.bench;

import concurrencylab.tasks.PortableCallable;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.Table;

/**
 * What one parked thread costs, measured rather than quoted: start {@code n} threads that
 * all wait on one latch, then divide the growth of this process's address space
 * ({@code VmSize}), its resident memory ({@code VmRSS}, both from {@code /proc/self/status})
 * and its live heap by {@code n}.
 * {@snippet :
 * ThreadFootprint.table(ThreadFootprint.measure(false, 2_000), ThreadFootprint.measure(true, 100_000))
 * }
 * A platform thread reserves its whole stack as address space but touches only a few pages;
 * a parked virtual thread has no stack of its own: its frames are copied into a small object
 * on the heap. Linux only for VmSize and VmRSS (elsewhere they are NaN); heap figures
 * everywhere. Noisy when other threads allocate at the same time: take the median of a few.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: each call starts and ends its
 * own threads; run one at a time, since concurrent calls see each other's memory.
 */
public final class ThreadFootprint {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofMillis(300);

    /**
     * One measurement, per thread, in KiB.
     *
     * @param kind        {@code platform} or {@code virtual}
     * @param threads     how many were parked at once
     * @param reservedKiB growth of the address space (VmSize)
     * @param residentKiB growth of resident memory (VmRSS)
     * @param heapKiB     growth of the live heap after a GC
     */
    public record Footprint(String kind, int threads, double reservedKiB, double residentKiB, double heapKiB)
            implements java.io.Serializable {
    }

    /** {@link #measure} as a task, so a quiet worker JVM of a process pool can run it. */
    private record Measure(boolean virtual, int threads) implements PortableCallable<Footprint> {
        @Override
        public Footprint call() throws InterruptedException, TimeoutException {
            measure(virtual, Math.min(threads, 100)); // a fresh JVM loads and links the classes involved first
            return measure(virtual, threads);
        }
    }

    private ThreadFootprint() {
    }

    /**
     * Parks {@code threads} threads of one kind, measures, then releases them and waits for
     * them to end.
     *
     * @param virtual true for virtual threads, false for platform threads
     * @param threads 1..2,000,000 (platform threads: 1..20,000)
     * @throws IllegalArgumentException if {@code threads} is out of range
     * @throws TimeoutException if the threads do not all start, park or end within 60 s each
     * @throws InterruptedException if interrupted while waiting
     */
    public static Footprint measure(boolean virtual, int threads) throws InterruptedException, TimeoutException {
        Require.inRange((virtual ? "virtual" : "platform") + " threads", threads, 1, virtual ? 2_000_000 : 20_000);
        CountDownLatch started = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        Runnable park = () -> {
            started.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread.Builder builder = virtual ? Thread.ofVirtual().name("footprint-v-", 0)
                : Thread.ofPlatform().name("footprint-p-", 0).daemon(true);
        List<Thread> parked = new ArrayList<>(threads);
        long[] before = snapshot(true);
        try {
            for (int i = 0; i < threads; i++) {
                parked.add(builder.start(park));
            }
            if (!started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new TimeoutException(started.getCount() + " of " + threads + " threads had not started after " + WAIT);
            }
            awaitParked(parked);
            long[] after = snapshot(false); // memory read before the GC, which may hand pages back
            double n = threads;
            return new Footprint(virtual ? "virtual" : "platform", threads, perThread(before[0], after[0], n),
                    perThread(before[1], after[1], n), (after[2] - before[2]) / 1024.0 / n);
        } finally {
            release.countDown();
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (Thread t : parked) {
                if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    throw new TimeoutException("thread " + t + " did not end within " + WAIT);
                }
            }
        }
    }

    /**
     * Returns {@link #measure} as a portable task, to run in a fresh worker JVM whose memory
     * is not churned by other work (the notebook's own JVM is):
     * {@snippet :
     * try (var worker = ExecutorKind.PROCESS.create(1)) {
     *     var platform = worker.submit(ThreadFootprint.task(false, 2_000)).get(60, TimeUnit.SECONDS);
     * }
     * }
     *
     * @throws IllegalArgumentException if {@code threads} is out of range (see {@link #measure})
     */
    public static PortableCallable<Footprint> task(boolean virtual, int threads) {
        Require.inRange((virtual ? "virtual" : "platform") + " threads", threads, 1, virtual ? 2_000_000 : 20_000);
        return new Measure(virtual, threads);
    }

    /**
     * Returns one row per measurement: kind, threads, and KiB per thread reserved, resident and on the heap.
     *
     * @throws IllegalArgumentException if no measurement is given
     */
    public static Table table(Footprint... footprints) {
        Require.that(footprints != null && footprints.length > 0, "footprints", "at least one measurement", "none");
        return RowTable.of(List.of(footprints))
                .text("kind", Footprint::kind)
                .ints("threads", Footprint::threads)
                .doubles("reserved KiB (VmSize)", f -> round(f.reservedKiB()))
                .doubles("resident KiB (VmRSS)", f -> round(f.residentKiB()))
                .doubles("heap KiB", f -> round(f.heapKiB()))
                .toTable("Memory per parked thread (KiB, measured)");
    }

    private static double round(double kib) {
        return Double.isNaN(kib) ? kib : Math.round(kib * 100) / 100.0;
    }

    /** Waits until every thread is parked (WAITING or TIMED_WAITING), bounded. */
    private static void awaitParked(List<Thread> threads) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException(t + " did not park within " + WAIT);
                }
                Thread.sleep(1);
            }
        }
    }

    /** VmSize KiB and VmRSS KiB from /proc/self/status (Long.MIN_VALUE where unknown), then live heap bytes after a GC. */
    private static long[] snapshot(boolean gcFirst) throws InterruptedException {
        if (gcFirst) {
            System.gc();
            Thread.sleep(SETTLE.toMillis()); // G1 hands freed heap back to the OS concurrently after a full GC
        }
        long size = Long.MIN_VALUE;
        long rss = Long.MIN_VALUE;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmSize:")) {
                    size = kib(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // NaN in the result
        }
        System.gc(); // again, so both heap readings follow a GC at once
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] {size, rss, heap};
    }

    private static double perThread(long before, long after, double n) {
        return before == Long.MIN_VALUE || after == Long.MIN_VALUE ? Double.NaN : (after - before) / n;
    }

    private static long kib(String line) {
        String[] parts = line.split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
