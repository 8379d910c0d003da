package concurrencylab.cli;

import concurrencylab.lab.bench.BenchCsv;
import concurrencylab.lab.bench.BenchHarness;
import concurrencylab.lab.bench.BenchSpec;
import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.BenchWorkload;
import concurrencylab.lab.bench.ThreadFootprint;

import concurrencylab.exec.ProcessPool;

import java.nio.file.Files;
import java.nio.file.Path;
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
import tech.tablesaw.api.Table;

/**
 * I/O-bound work, where waiting, not the CPU, sets the pace: sleeps stand in for network
 * round trips.
 * {@snippet lang=sh :
 * ./course bench io                            # build/bench/io.csv and io-models.csv
 * ./course bench io --out datasets/reference   # the reference run the notebooks load
 * }
 * <ol>
 *   <li>10,000 tasks each sleeping 1 s on virtual threads (target: at most 1.5 s).</li>
 *   <li>The same on a pool of 200 platform threads, computed, not run: 1 s × ceil(10,000 / 200)
 *       = 50 s (Little's law: 200 in flight, 1 s each, 200 tasks a second); then 1,000 tasks on
 *       200 platform threads, run, to check the formula (5 s).</li>
 *   <li>1,000,000 virtual threads each sleeping 1 s, once to warm up, then timed (target: at
 *       most 3 s).</li>
 *   <li>Memory per parked thread, platform vs virtual ({@link ThreadFootprint}), measured first,
 *       on a fresh heap.</li>
 *   <li>20 sleeps of 50 ms through {@link BenchHarness} on the four models (io-models.csv), the
 *       size notebook 07.1 runs at quick scale.</li>
 * </ol>
 * Medians of {@code --runs} runs. Exit status 0 when the run completed (a missed target is
 * reported, not an error), 2 on bad arguments.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class IoBenchmark {

    static final double TEN_THOUSAND_TARGET_MS = 1_500;
    static final double MILLION_TARGET_MS = 3_000;

    private static final BenchArgs.Option[] OPTIONS = {
        new BenchArgs.Option("--runs", 5, 1, 50, "timed runs of each measure"),
        new BenchArgs.Option("--tasks", 10_000, 1, 1_000_000, "tasks of the virtual-vs-pool comparison"),
        new BenchArgs.Option("--pool", 200, 1, 10_000, "platform threads of the pool"),
        new BenchArgs.Option("--scaled", 1_000, 0, 100_000, "tasks of the real pool run (0: skip)"),
        new BenchArgs.Option("--million", 1_000_000, 0, 2_000_000, "virtual threads of the big run (0: skip)"),
        new BenchArgs.Option("--sleep-ms", 1_000, 1, 60_000, "what each task sleeps"),
        new BenchArgs.Option("--models", 1, 0, 1, "1: also the harness run on the four models (io-models.csv)"),
    };

    /** One line of io.csv. */
    record Row(String measure, String model, int tasks, int concurrency, BenchStats stats, String unit,
            double bound, double target, String status) {
    }

    private IoBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment; {@code --help} prints them
     * @throws Exception if a run times out or a CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            System.err.println("IoBenchmark: " + e.getMessage() + "\n" + BenchArgs.usage("io", OPTIONS));
            System.exit(2);
            return;
        }
        if (a.help()) {
            System.out.print(BenchArgs.usage("io", OPTIONS));
            return;
        }
        System.out.printf(Locale.ROOT, "I/O benchmark · JDK %s · %d cores · load average %s · max heap %d MiB · heap flags %s · median of %d runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, heapFlags(), a.get("--runs"));
        List<Row> rows = new ArrayList<>(footprints(a.get("--runs")));
        Duration sleep = Duration.ofMillis(a.get("--sleep-ms"));
        int tasks = a.get("--tasks");
        int pool = a.get("--pool");
        double sleepMs = sleep.toMillis();
        rows.add(timed(label(tasks, sleep), "virtual threads", tasks, tasks, a.get("--runs"), 1, sleepMs,
                tasks == 10_000 && sleep.toMillis() == 1_000 ? TEN_THOUSAND_TARGET_MS : Double.NaN,
                () -> virtualSleeps(tasks, sleep)));
        double poolBound = sleepMs * ceilDiv(tasks, pool);
        rows.add(new Row(label(tasks, sleep), "platform threads", tasks, pool, null, "ms", poolBound, Double.NaN,
                "computed, not run: " + fmt(sleepMs) + " ms × ceil(" + tasks + " / " + pool + ")"));
        int scaled = a.get("--scaled");
        if (scaled > 0) {
            double bound = sleepMs * ceilDiv(scaled, pool);
            Row r = timed(label(scaled, sleep), "platform threads", scaled, pool, Math.min(3, a.get("--runs")), 0, bound,
                    Double.NaN, () -> poolSleeps(scaled, pool, sleep));
            rows.add(new Row(r.measure(), r.model(), r.tasks(), r.concurrency(), r.stats(), r.unit(), r.bound(), r.target(),
                    String.format(Locale.ROOT, "the formula predicts %s ms; measured %.3f× that", fmt(bound),
                            r.stats().medianMs() / bound)));
        }
        int million = a.get("--million");
        if (million > 0) {
            rows.add(timed(label(million, sleep), "virtual threads", million, million, a.get("--runs"), 1, sleepMs,
                    million == 1_000_000 && sleep.toMillis() == 1_000 ? MILLION_TARGET_MS : Double.NaN,
                    () -> virtualSleeps(million, sleep)));
        }
        System.out.print(text(rows));
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("io.csv");
        Files.writeString(csv, csv(rows));
        System.out.println("wrote " + csv + " · load average now " + BenchStats.loadAverage() + " (1, 5, 15 min)");
        if (a.get("--models") == 1) {
            Table models = BenchHarness.run(BenchSpec.of(BenchWorkload.sleeps(20, Duration.ofMillis(50)))
                    .withRepeats(a.get("--runs")));
            System.out.println(models.print());
            System.out.println("wrote " + BenchCsv.write(a.out().resolve("io-models.csv"), models));
        }
    }

    /** A measure that times {@code run}, {@code warmups} discarded runs first. */
    private interface Timed {
        double runMs() throws Exception;
    }

    private static Row timed(String measure, String model, int tasks, int concurrency, int runs, int warmups,
            double bound, double target, Timed run) throws Exception {
        for (int w = 0; w < warmups; w++) {
            System.out.printf(Locale.ROOT, "%s on %s: warm-up %.0f ms%n", measure, model, run.runMs());
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            ms[r] = run.runMs();
            System.out.printf(Locale.ROOT, "%s on %s: run %d of %d %.0f ms%n", measure, model, r + 1, runs, ms[r]);
        }
        BenchStats s = BenchStats.of(ms);
        String status = Double.isNaN(target) ? String.format(Locale.ROOT, "%.3f× the bound", s.medianMs() / bound)
                : String.format(Locale.ROOT, "%s: median %.0f ms, target <= %.0f ms", s.medianMs() <= target ? "met" : "MISSED",
                        s.medianMs(), target);
        return new Row(measure, model, tasks, concurrency, s, "ms", bound, target, status);
    }

    /** The -Xm* flags this JVM was started with (`./course bench io` passes -Xmx8g -Xmn2g), or "none". */
    static String heapFlags() {
        List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(f -> f.startsWith("-Xm")).toList();
        return flags.isEmpty() ? "none" : String.join(" ", flags);
    }

    private static ThreadFootprint.Footprint inFreshWorker(concurrencylab.tasks.PortableCallable<ThreadFootprint.Footprint> task)
            throws Exception {
        try (ProcessPool pool = ProcessPool.of(1)) {
            return pool.submit(task).get(60, TimeUnit.SECONDS);
        }
    }

    /** Starts one virtual thread per task, each sleeping {@code sleep}; returns ms until all have ended. */
    static double virtualSleeps(int tasks, Duration sleep) throws InterruptedException, TimeoutException {
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

    /** Runs {@code tasks} sleeps on a fixed pool of {@code pool} platform threads; returns ms until all are done. */
    static double poolSleeps(int tasks, int pool, Duration sleep)
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
        int platform = 2_000;
        int virtual = 100_000;
        List<ThreadFootprint.Footprint> p = new ArrayList<>();
        List<ThreadFootprint.Footprint> v = new ArrayList<>();
        // Measured in a worker JVM of its own, as notebook 7.1 does: this JVM's heap flags
        // (a fixed young generation for the million-thread run) and its earlier garbage would
        // otherwise decide how much of the threads' memory shows up as resident.
        // A fresh worker for every measure: a heap that already holds pages from an earlier
        // measure reuses them, and the resident size then hardly moves.
        for (int r = 0; r < runs; r++) {
            p.add(inFreshWorker(ThreadFootprint.task(false, platform)));
            v.add(inFreshWorker(ThreadFootprint.task(true, virtual)));
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

    static String text(List<Row> rows) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-58s %-17s %9s %9s %10s %10s %10s %-15s %10s  %s%n", "measure", "model",
                "tasks", "in flight", "median", "min", "max", "unit", "bound", "status"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-58s %-17s %9d %9d %10s %10s %10s %-15s %10s  %s%n", r.measure(),
                    r.model(), r.tasks(), r.concurrency(), r.stats() == null ? "-" : fmt2(r.stats().medianMs()),
                    r.stats() == null ? "-" : fmt2(r.stats().minMs()), r.stats() == null ? "-" : fmt2(r.stats().maxMs()),
                    r.unit(), fmt(r.bound()), r.status()));
        }
        return s.toString();
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String csv(List<Row> rows) {
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
