package concurrencylab.lab.bench;

import concurrencylab.exec.ExecutorKind;
import concurrencylab.tasks.LabTasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a worker JVM costs and what it buys ({@code ./course bench processes}): cold start (new
 * pool to first result) and the warm round trip of a no-op task, set beside the same no-op on
 * platform and virtual threads; and the <em>primes speed-up</em>, counting the primes below
 * {@code primesBelow} in {@code chunks} chunks sequentially in this JVM, on a process pool and
 * on a platform-thread pool of {@code workers}, after {@value #PRIMES_WARM_UPS} warm-up runs of
 * each, the runs interleaved so that a noisy neighbour hits all three alike (the target:
 * {@value #SPEED_UP_TARGET}x with 2 workers on 2 cores).
 * {@snippet :
 * var settings = new ProcessPoolBench.Settings(2, 2000, 5, 2_000_000, 16);   // workers, tasks, runs, below, chunks
 * var rows = ProcessPoolBench.run(settings);
 * System.out.print(ProcessPoolBench.table(settings, rows));
 * }
 * Medians of {@code runs} runs ({@link BenchStats}), the warm figure being each run's median
 * round trip, the speed-up the ratio of the medians. The chunks are submitted largest first (a
 * chunk of higher numbers costs more), so that the small ones even out the end.
 *
 * <p>Thread safety: stateless; each call opens and closes its own executors.
 */
public final class ProcessPoolBench {

    /** The bound for a warm round trip, in milliseconds. */
    public static final double ROUND_TRIP_BOUND_MS = 1.0;
    /** The target for the primes speed-up of a process pool of 2 on 2 cores. */
    public static final double SPEED_UP_TARGET = 1.8;
    /**
     * How many chunks the primes job is cut into by default. Each chunk costs a process pool a
     * round trip to a worker beyond what a platform pool pays, so a few chunks per worker are
     * cheaper than many; 16 taken largest first still balance the workers
     * ({@code datasets/reference/MACHINE.md}, section "Process pool", has the runs behind it).
     */
    public static final int DEFAULT_PRIMES_CHUNKS = 16;
    /** Untimed runs of the primes job on each executor (and sequentially) before the timed ones. */
    public static final int PRIMES_WARM_UPS = 2;
    /** The executor label of the primes job run on the calling thread. */
    public static final String SEQUENTIAL = "sequential (parent)";
    private static final long WAIT_SECONDS = 120;

    /**
     * What to run.
     *
     * @param workers     worker JVMs and platform threads
     * @param tasks       sequential no-op round trips per run
     * @param runs        timed runs of each measure
     * @param primesBelow the primes job counts the primes below this
     * @param chunks      chunks of the primes job
     */
    public record Settings(int workers, int tasks, int runs, int primesBelow, int chunks) {
    }

    /** One line of the table and the CSV: a measure on one executor, in milliseconds over the runs. */
    public record Row(String measure, String executor, double medianMs, double minMs, double maxMs) {
    }

    private ProcessPoolBench() {
    }

    /**
     * Runs every measure and returns its rows: cold start, warm round trips on the three
     * executors, then the primes job sequentially, on worker processes and on platform threads.
     *
     * @throws Exception if a task fails or a wait of {@value #WAIT_SECONDS} s runs out
     */
    public static List<Row> run(Settings s) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(summarize("cold start to first result", ExecutorKind.PROCESS.label(), coldStarts(s)));
        for (ExecutorKind kind : List.of(ExecutorKind.PROCESS, ExecutorKind.PLATFORM, ExecutorKind.VIRTUAL)) {
            rows.add(summarize("warm round trip (no-op task)", kind.label(), warmRoundTrips(kind, s)));
        }
        rows.addAll(primes(s));
        return rows;
    }

    /** The measure name of the primes rows. */
    public static String primesMeasure(Settings s) {
        return "primes below " + s.primesBelow() + " in " + s.chunks() + " chunks";
    }

    private static List<Row> primes(Settings s) throws Exception {
        List<Callable<Long>> chunks = primeChunks(s.primesBelow(), s.chunks());
        double[] sequential = new double[s.runs()];
        double[] process = new double[s.runs()];
        double[] platform = new double[s.runs()];
        try (ExecutorService processes = ExecutorKind.PROCESS.create(s.workers());
             ExecutorService threads = ExecutorKind.PLATFORM.create(s.workers())) {
            long expected = -1;
            for (int w = 0; w < PRIMES_WARM_UPS; w++) {
                expected = countSequentially(chunks, expected);
                countOn(processes, chunks, expected);
                countOn(threads, chunks, expected);
            }
            for (int r = 0; r < s.runs(); r++) {
                long start = System.nanoTime();
                countSequentially(chunks, expected);
                sequential[r] = millisSince(start);
                start = System.nanoTime();
                countOn(processes, chunks, expected);
                process[r] = millisSince(start);
                start = System.nanoTime();
                countOn(threads, chunks, expected);
                platform[r] = millisSince(start);
            }
        }
        String measure = primesMeasure(s);
        return List.of(summarize(measure, SEQUENTIAL, sequential),
                summarize(measure, ExecutorKind.PROCESS.label(), process),
                summarize(measure, ExecutorKind.PLATFORM.label(), platform));
    }

    /** Returns the primes below {@code bound} in {@code n} equal ranges, the costliest (highest) first. */
    public static List<Callable<Long>> primeChunks(int bound, int n) {
        List<Callable<Long>> chunks = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            chunks.add(LabTasks.countPrimes((long) bound * i / n, (long) bound * (i + 1) / n));
        }
        return chunks;
    }

    private static long countSequentially(List<Callable<Long>> chunks, long expected) throws Exception {
        long count = 0;
        for (Callable<Long> chunk : chunks) {
            count += chunk.call();
        }
        return checked(count, expected);
    }

    private static long countOn(ExecutorService pool, List<Callable<Long>> chunks, long expected) throws Exception {
        long count = 0;
        for (Future<Long> f : pool.invokeAll(chunks, WAIT_SECONDS, TimeUnit.SECONDS)) {
            count += f.get();
        }
        return checked(count, expected);
    }

    private static long checked(long count, long expected) {
        if (expected >= 0 && count != expected) {
            throw new IllegalStateException("counted " + count + " primes, expected " + expected);
        }
        return count;
    }

    /** Milliseconds from a new process pool to the first no-op result, once per run. */
    private static double[] coldStarts(Settings s) throws Exception {
        double[] ms = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            long start = System.nanoTime();
            try (ExecutorService pool = ExecutorKind.PROCESS.create(s.workers())) {
                pool.submit(LabTasks.noop()).get(WAIT_SECONDS, TimeUnit.SECONDS);
                ms[r] = millisSince(start);
            }
        }
        return ms;
    }

    /** Each run's median round trip (submit, then get) of a no-op, after a warm-up, in milliseconds. */
    private static double[] warmRoundTrips(ExecutorKind kind, Settings s) throws Exception {
        double[] medians = new double[s.runs()];
        try (ExecutorService pool = kind.create(s.workers())) {
            roundTrips(pool, Math.max(s.tasks(), 500)); // warm-up: JIT on both sides, every worker booted
            for (int r = 0; r < s.runs(); r++) {
                medians[r] = BenchStats.median(roundTrips(pool, s.tasks()));
            }
        }
        return medians;
    }

    private static double[] roundTrips(ExecutorService pool, int tasks)
            throws InterruptedException, ExecutionException, TimeoutException {
        double[] ms = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            long start = System.nanoTime();
            pool.submit(LabTasks.noop()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            ms[i] = millisSince(start);
        }
        return ms;
    }

    private static Row summarize(String measure, String executor, double[] ms) {
        BenchStats stats = BenchStats.of(ms);
        return new Row(measure, executor, stats.medianMs(), stats.minMs(), stats.maxMs());
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double warm(List<Row> rows, String executorLabel) {
        return rows.stream().filter(r -> r.measure().startsWith("warm") && r.executor().equals(executorLabel))
                .findFirst().orElseThrow().medianMs();
    }

    private static double primesMedian(List<Row> rows, String executorLabel) {
        return rows.stream().filter(r -> r.measure().startsWith("primes") && r.executor().equals(executorLabel))
                .findFirst().orElseThrow().medianMs();
    }

    /** Returns the speed-up of a primes row over the sequential one, or NaN for another row. */
    public static double speedUp(List<Row> rows, Row r) {
        return r.measure().startsWith("primes") ? primesMedian(rows, SEQUENTIAL) / r.medianMs() : Double.NaN;
    }

    /** Returns the table: one line per row, then the round-trip bound and the speed-up target, each met or not. */
    public static String table(Settings s, List<Row> rows) {
        var t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "ProcessPool benchmark: %d workers, %d sequential tasks per run, %d runs;"
                + " JDK %s, %d cores%n", s.workers(), s.tasks(), s.runs(), Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        t.append(String.format(Locale.ROOT, "%-36s %-20s %12s %12s %12s%n", "measure", "executor", "median ms", "min ms",
                "max ms"));
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "%-36s %-20s %12.3f %12.3f %12.3f%n",
                    r.measure(), r.executor(), r.medianMs(), r.minMs(), r.maxMs()));
        }
        double process = warm(rows, ExecutorKind.PROCESS.label());
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        t.append(String.format(Locale.ROOT, "warm round trip: worker process %.3f ms = %.1fx a platform thread (%.3f ms);"
                + " %.2f of the %.1f ms bound: %s%n", process, process / platform, platform,
                process / ROUND_TRIP_BOUND_MS, ROUND_TRIP_BOUND_MS, process <= ROUND_TRIP_BOUND_MS ? "within" : "OVER"));
        double processSpeedUp = primesMedian(rows, SEQUENTIAL) / primesMedian(rows, ExecutorKind.PROCESS.label());
        double platformSpeedUp = primesMedian(rows, SEQUENTIAL) / primesMedian(rows, ExecutorKind.PLATFORM.label());
        t.append(String.format(Locale.ROOT, "primes speed-up over sequential (%.1f ms): %d worker processes %.2fx,"
                + " %d platform threads %.2fx; target %.1fx for 2 worker processes on 2 cores: %s%n",
                primesMedian(rows, SEQUENTIAL), s.workers(), processSpeedUp, s.workers(), platformSpeedUp,
                SPEED_UP_TARGET, processSpeedUp >= SPEED_UP_TARGET ? "met" : "NOT met"));
        return t.toString();
    }

    /** Returns processes.csv: a header and one line per row, with the ratios, bound and target where they apply. */
    public static String csv(Settings s, List<Row> rows) {
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        var csv = new StringBuilder("measure,executor,workers,tasks_per_run,runs,median_ms,min_ms,max_ms,"
                + "ratio_vs_platform_round_trip,bound_ms,speed_up_vs_sequential,speed_up_target\n");
        for (Row r : rows) {
            boolean warmRow = r.measure().startsWith("warm");
            boolean primesRow = r.measure().startsWith("primes");
            boolean processRow = r.executor().equals(ExecutorKind.PROCESS.label());
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%s,%s,%s,%s%n", r.measure(), r.executor(),
                    r.executor().equals(SEQUENTIAL) ? 1 : s.workers(),
                    warmRow ? s.tasks() : primesRow ? s.chunks() : 1, s.runs(), r.medianMs(), r.minMs(), r.maxMs(),
                    warmRow ? String.format(Locale.ROOT, "%.2f", r.medianMs() / platform) : "",
                    warmRow && processRow ? ROUND_TRIP_BOUND_MS : "",
                    primesRow ? String.format(Locale.ROOT, "%.3f", speedUp(rows, r)) : "",
                    primesRow && processRow ? SPEED_UP_TARGET : ""));
        }
        return csv.toString();
    }
}
