package concurrencylab.lab.bench;

import concurrencylab.exec.ProcessPool;
import concurrencylab.tasks.PortableCallable;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;

/**
 * The I/O benchmark's measurements ({@code ./course bench io}), where waiting, not the CPU,
 * sets the pace: sleeps stand in for network round trips.
 * <ol>
 *   <li>Memory per parked thread, platform vs virtual ({@link ThreadFootprint}), measured
 *       first, each run in a fresh worker JVM of its own.</li>
 *   <li>{@code tasks} tasks each sleeping {@code sleep} on virtual threads (target for 10,000
 *       sleeps of 1 s: at most {@value #TEN_THOUSAND_TARGET_MS} ms).</li>
 *   <li>The same on a pool of {@code pool} platform threads, computed, not run:
 *       {@code sleep × ceil(tasks / pool)} (Little's law); then {@code scaled} tasks on that
 *       pool, run, to check the formula.</li>
 *   <li>{@code million} virtual threads each sleeping {@code sleep}, once to warm up, then timed
 *       (target for 1,000,000 sleeps of 1 s: at most {@value #MILLION_TARGET_MS} ms).</li>
 * </ol>
 * {@snippet :
 * List<IoBench.Row> rows = IoBench.run(new IoBench.Settings(5, 10_000, 200, 1_000, 1_000_000,
 *         Duration.ofSeconds(1)), System.out);   // prints each run as it ends
 * System.out.print(IoBench.text(rows));
 * }
 * Each measure is the median of its runs ({@link BenchStats}).
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless; run one at a time,
 * since concurrent runs share the machine's cores and memory.
 */
public final class IoBench {

    /** The target for 10,000 sleeps of 1 s on virtual threads, in milliseconds. */
    public static final double TEN_THOUSAND_TARGET_MS = 1_500;
    /** The target for 1,000,000 sleeps of 1 s on virtual threads, in milliseconds. */
    public static final double MILLION_TARGET_MS = 3_000;

    private static final int FOOTPRINT_PLATFORM_THREADS = 2_000;
    private static final int FOOTPRINT_VIRTUAL_THREADS = 100_000;

    /**
     * What to run.
     *
     * @param runs   timed runs of each measure (the real pool run: at most 3)
     * @param tasks  tasks of the virtual-vs-pool comparison
     * @param pool   platform threads of the pool
     * @param scaled tasks of the real pool run (0: skip)
     * @param million virtual threads of the big run (0: skip)
     * @param sleep  what each task sleeps
     */
    public record Settings(int runs, int tasks, int pool, int scaled, int million, Duration sleep) {
    }

    /** One line of io.csv; {@code stats} is null for a computed row. */
    public record Row(String measure, String model, int tasks, int concurrency, BenchStats stats, String unit,
            double bound, double target, String status) {
    }

    private IoBench() {
    }

    /**
     * Runs every measure of {@code s}, printing each run's time to {@code progress}, and
     * returns the rows, footprints first.
     *
     * @throws TimeoutException if the sleeping threads or a worker JVM do not finish in time
     * @throws Exception if a footprint measurement fails in its worker JVM
     */
    public static List<Row> run(Settings s, PrintStream progress) throws Exception {
        List<Row> rows = new ArrayList<>(footprints(s.runs()));
        Duration sleep = s.sleep();
        int tasks = s.tasks();
        int pool = s.pool();
        double sleepMs = sleep.toMillis();
        rows.add(timed(progress, label(tasks, sleep), "virtual threads", tasks, tasks, s.runs(), 1, sleepMs,
                tasks == 10_000 && sleep.toMillis() == 1_000 ? TEN_THOUSAND_TARGET_MS : Double.NaN,
                () -> virtualSleeps(tasks, sleep)));
        double poolBound = sleepMs * ceilDiv(tasks, pool);
        rows.add(new Row(label(tasks, sleep), "platform threads", tasks, pool, null, "ms", poolBound, Double.NaN,
                "computed, not run: " + fmt(sleepMs) + " ms × ceil(" + tasks + " / " + pool + ")"));
        int scaled = s.scaled();
        if (scaled > 0) {
            double bound = sleepMs * ceilDiv(scaled, pool);
            Row r = timed(progress, label(scaled, sleep), "platform threads", scaled, pool, Math.min(3, s.runs()), 0,
                    bound, Double.NaN, () -> poolSleeps(scaled, pool, sleep));
            rows.add(new Row(r.measure(), r.model(), r.tasks(), r.concurrency(), r.stats(), r.unit(), r.bound(),
                    r.target(), String.format(Locale.ROOT, "the formula predicts %s ms; measured %.3f× that",
                            fmt(bound), r.stats().medianMs() / bound)));
        }
        int million = s.million();
        if (million > 0) {
            rows.add(timed(progress, label(million, sleep), "virtual threads", million, million, s.runs(), 1, sleepMs,
                    million == 1_000_000 && sleep.toMillis() == 1_000 ? MILLION_TARGET_MS : Double.NaN,
                    () -> virtualSleeps(million, sleep)));
        }
        return rows;
    }

    /**
     * Returns 20 sleeps of 50 ms on the four models, {@code runs} timed runs: the size notebook
     * 07.1 runs at quick scale ({@code io-models.csv}).
     */
    public static BenchSpec models(int runs) {
        return BenchSpec.of(BenchWorkload.sleeps(20, Duration.ofMillis(50))).withRepeats(runs);
    }

    /** A measure that times one run, in milliseconds. */
    private interface Timed {
        double runMs() throws Exception;
    }

    private static Row timed(PrintStream progress, String measure, String model, int tasks, int concurrency, int runs,
            int warmups, double bound, double target, Timed run) throws Exception {
        for (int w = 0; w < warmups; w++) {
            progress.printf(Locale.ROOT, "%s on %s: warm-up %.0f ms%n", measure, model, run.runMs());
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            ms[r] = run.runMs();
            progress.printf(Locale.ROOT, "%s on %s: run %d of %d %.0f ms%n", measure, model, r + 1, runs, ms[r]);
        }
        BenchStats s = BenchStats.of(ms);
        String status = Double.isNaN(target) ? String.format(Locale.ROOT, "%.3f× the bound", s.medianMs() / bound)
                : String.format(Locale.ROOT, "%s: median %.0f ms, target <= %.0f ms",
                        s.medianMs() <= target ? "met" : "MISSED", s.medianMs(), target);
        return new Row(measure, model, tasks, concurrency, s, "ms", bound, target, status);
    }

    /** Returns the -Xm* flags this JVM was started with ({@code ./course bench io} passes -Xmx8g -Xmn2g), or "none". */
    public static String heapFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(f -> f.startsWith("-Xm")).toList();
        return flags.isEmpty() ? "none" : String.join(" ", flags);
    }

    private static ThreadFootprint.Footprint inFreshWorker(PortableCallable<ThreadFootprint.Footprint> task)
            throws Exception {
        try (ProcessPool pool = ProcessPool.of(1)) {
            return pool.submit(task).get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts one virtual thread per task, each sleeping {@code sleep}; returns ms until all
     * have ended.
     *
     * @throws TimeoutException if they have not all ended within 10 sleeps plus 60 s (they
     *     are interrupted then)
     */
    public static double virtualSleeps(int tasks, Duration sleep) throws InterruptedException, TimeoutException {
        Runnable nap = () -> {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread[] threads = new Thread[tasks];
        Thread.Builder builder = Thread.ofVirtual();
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            threads[i] = builder.start(nap);
        }
        long deadline = start + sleep.multipliedBy(10).plusSeconds(60).toNanos();
        for (Thread t : threads) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                for (Thread other : threads) {
                    other.interrupt();
                }
                throw new TimeoutException(tasks + " sleeping virtual threads had not all ended by the deadline");
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Runs {@code tasks} sleeps on a fixed pool of {@code pool} platform threads; returns ms
     * until all are done.
     *
     * @throws TimeoutException if they are not done within twice the formula's time plus 60 s
     */
    public static double poolSleeps(int tasks, int pool, Duration sleep)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newFixedThreadPool(pool)) {
            List<Future<?>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                futures.add(executor.submit(() -> {
                    Thread.sleep(sleep);
                    return null;
                }));
            }
            long deadline = start + sleep.multipliedBy(2L * ceilDiv(tasks, pool)).plusSeconds(60).toNanos();
            try {
                for (Future<?> f : futures) {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } finally {
                executor.shutdownNow();
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static List<Row> footprints(int runs) throws Exception {
        List<ThreadFootprint.Footprint> p = new ArrayList<>();
        List<ThreadFootprint.Footprint> v = new ArrayList<>();
        // Measured in a worker JVM of its own, as notebook 7.1 does: this JVM's heap flags
        // (a fixed young generation for the million-thread run) and its earlier garbage would
        // otherwise decide how much of the threads' memory shows up as resident.
        // A fresh worker for every measure: a heap that already holds pages from an earlier
        // measure reuses them, and the resident size then hardly moves.
        for (int r = 0; r < runs; r++) {
            p.add(inFreshWorker(ThreadFootprint.task(false, FOOTPRINT_PLATFORM_THREADS)));
            v.add(inFreshWorker(ThreadFootprint.task(true, FOOTPRINT_VIRTUAL_THREADS)));
        }
        List<Row> rows = new ArrayList<>();
        for (var kind : List.of(p, v)) {
            String model = kind.get(0).kind() + " threads";
            int n = kind.get(0).threads();
            rows.add(memory("memory per parked thread: reserved address space (VmSize)", model, n, kind,
                    ThreadFootprint.Footprint::reservedKiB));
            rows.add(memory("memory per parked thread: resident (VmRSS)", model, n, kind,
                    ThreadFootprint.Footprint::residentKiB));
            rows.add(memory("memory per parked thread: live heap", model, n, kind, ThreadFootprint.Footprint::heapKiB));
        }
        return rows;
    }

    private static Row memory(String measure, String model, int n, List<ThreadFootprint.Footprint> runs,
            ToDoubleFunction<ThreadFootprint.Footprint> value) {
        BenchStats s = BenchStats.of(runs.stream().mapToDouble(value).toArray());
        return new Row(measure, model, n, n, s, "KiB per thread", Double.NaN, Double.NaN, "measured");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String label(int tasks, Duration sleep) {
        return String.format(Locale.ROOT, "%,d sleeps of %s ms", tasks, fmt(sleep.toMillis()));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Returns the rows as a text table: measure, model, tasks, in flight, median, min, max, unit, bound, status. */
    public static String text(List<Row> rows) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-58s %-17s %9s %9s %10s %10s %10s %-15s %10s  %s%n", "measure", "model",
                "tasks", "in flight", "median", "min", "max", "unit", "bound", "status"));
        for (Row r : rows) {
            BenchStats st = r.stats();
            s.append(String.format(Locale.ROOT, "%-58s %-17s %9d %9d %10s %10s %10s %-15s %10s  %s%n", r.measure(),
                    r.model(), r.tasks(), r.concurrency(), st == null ? "-" : fmt2(st.medianMs()),
                    st == null ? "-" : fmt2(st.minMs()), st == null ? "-" : fmt2(st.maxMs()),
                    r.unit(), fmt(r.bound()), r.status()));
        }
        return s.toString();
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Returns io.csv: a header and one line per row, measures and statuses quoted where they hold commas. */
    public static String csv(List<Row> rows) {
        var s = new StringBuilder("measure,model,tasks,concurrency,runs,median,min,max,unit,bound,target,status\n");
        for (Row r : rows) {
            BenchStats st = r.stats();
            s.append(String.join(",", BenchCsv.quote(r.measure()), r.model(), Integer.toString(r.tasks()),
                    Integer.toString(r.concurrency()), st == null ? "0" : Integer.toString(st.runs()),
                    st == null ? "" : fmt3(st.medianMs()), st == null ? "" : fmt3(st.minMs()),
                    st == null ? "" : fmt3(st.maxMs()), r.unit(), fmt(r.bound()), fmt(r.target()),
                    BenchCsv.quote(r.status()))).append('\n');
        }
        return s.toString();
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
