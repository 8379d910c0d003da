package concurrencylab.cli;

import concurrencylab.exec.ExecutorKind;
import concurrencylab.exec.ProcessPool;

import concurrencylab.tasks.LabTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a worker JVM costs: cold start (new pool to first result) and the warm round trip of
 * a no-op task, set beside the same no-op on platform and virtual threads; and what it buys:
 * the <em>primes speed-up</em>, counting the primes below 2,000,000 (or {@code --primes-below})
 * in {@value #DEFAULT_PRIMES_CHUNKS} chunks (or {@code --chunks}) sequentially in this JVM, on a process pool and on a
 * platform-thread pool of {@code workers}, after {@value #PRIMES_WARM_UPS} warm-up runs of
 * each, the runs interleaved (the target: {@value #SPEED_UP_TARGET}x with 2 workers
 * on 2 cores).
 * {@snippet lang=sh :
 * ./course bench processes                 # --out build/bench, 2 workers, 2000 tasks, 5 runs
 * ./course bench processes --workers 4 --tasks 5000 --runs 7 --primes-below 4000000 --chunks 40
 * }
 * Prints a table and writes {@code DIR/processes.csv}; medians of {@code runs} runs, the
 * warm figure being each run's median round trip, the speed-up the ratio of the medians.
 * The chunks are submitted largest first (a chunk of higher numbers costs more), so that the
 * small ones even out the end. Exits with status 2 on bad arguments.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class ProcessPoolBenchmark {

    /** The bound for a warm round trip, in milliseconds. */
    static final double ROUND_TRIP_BOUND_MS = 1.0;
    private static final long WAIT_SECONDS = 120;
    /** The target for the primes speed-up of a process pool of 2 on 2 cores. */
    static final double SPEED_UP_TARGET = 1.8;
    /**
     * How many chunks the primes job is cut into unless {@code --chunks} says otherwise. Each
     * chunk costs a process pool a round trip to a worker: with both cores busy, 1.05 to 1.1 ms
     * of wall time per chunk and worker beyond a platform pool (measured with 40 and 100
     * chunks of the primes below 2,000,000, cold workers), so a few chunks per worker are
     * cheaper than many; 16 taken largest first still balance. Measured on the 2-core course
     * machine, 2 workers, medians of 5 interleaved runs: 1.73x with 40 chunks, 1.81x with 16
     * (1.66x and 1.79x before workers warmed up their task path); platform threads 1.97x.
     */
    static final int DEFAULT_PRIMES_CHUNKS = 16;
    /** Untimed runs of the primes job on each executor (and sequentially) before the timed ones. */
    static final int PRIMES_WARM_UPS = 2;
    /** The executor label of the primes job run on the calling thread. */
    static final String SEQUENTIAL = "sequential (parent)";
    private static final String USAGE = "usage: ProcessPoolBenchmark --out DIR [--workers 1..64 (default 2)]"
            + " [--tasks 1..1000000 (default 2000)] [--runs 1..100 (default 5)]"
            + " [--primes-below 1000..100000000 (default 2000000)] [--chunks 1..1000 (default 16)]";

    private ProcessPoolBenchmark() {
    }

    /** Options: output directory, pool size, sequential tasks per run, runs, bound and chunks of the primes job. */
    record Options(Path out, int workers, int tasks, int runs, int primesBelow, int chunks) {

        static Options parse(String[] args) {
            Path out = null;
            int workers = 2;
            int tasks = 2000;
            int runs = 5;
            int primesBelow = 2_000_000;
            int chunks = DEFAULT_PRIMES_CHUNKS;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> out = Path.of(required(args[i], value));
                    case "--workers" -> workers = intIn(args[i], value, 1, 64);
                    case "--tasks" -> tasks = intIn(args[i], value, 1, 1_000_000);
                    case "--runs" -> runs = intIn(args[i], value, 1, 100);
                    case "--primes-below" -> primesBelow = intIn(args[i], value, 1000, 100_000_000);
                    case "--chunks" -> chunks = intIn(args[i], value, 1, 1000);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
                i++;
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            return new Options(out, workers, tasks, runs, primesBelow, chunks);
        }

        private static String required(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }

        private static int intIn(String flag, String value, int min, int max) {
            try {
                int n = Integer.parseInt(required(flag, value));
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " needs a whole number in " + min + ".." + max + ", got '" + value + "'");
        }
    }

    /** One line of the table and the CSV: a measure on one executor, in milliseconds over the runs. */
    record Row(String measure, String executor, double medianMs, double minMs, double maxMs) {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --out DIR [--workers N] [--tasks N] [--runs N] [--primes-below N] [--chunks N]}
     * @throws Exception if a task fails or the CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ProcessPoolBenchmark: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        List<Row> rows = run(options);
        System.out.print(table(options, rows));
        Path csv = writeCsv(options, rows);
        System.out.println("wrote " + csv);
    }

    static List<Row> run(Options o) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(summarize("cold start to first result", ExecutorKind.PROCESS, coldStarts(o)));
        for (ExecutorKind kind : List.of(ExecutorKind.PROCESS, ExecutorKind.PLATFORM, ExecutorKind.VIRTUAL)) {
            rows.add(summarize("warm round trip (no-op task)", kind, warmRoundTrips(kind, o)));
        }
        rows.addAll(primes(o));
        return rows;
    }

    /** The measure name of the primes rows. */
    static String primesMeasure(Options o) {
        return "primes below " + o.primesBelow() + " in " + o.chunks() + " chunks";
    }

    /**
     * The primes job sequentially, on a process pool and on a platform pool, interleaved run
     * by run (so that a noisy neighbour hits all three alike), after the warm-ups.
     */
    private static List<Row> primes(Options o) throws Exception {
        List<Callable<Long>> chunks = primeChunks(o.primesBelow(), o.chunks());
        double[] sequential = new double[o.runs()];
        double[] process = new double[o.runs()];
        double[] platform = new double[o.runs()];
        try (ExecutorService processes = ExecutorKind.PROCESS.create(o.workers());
             ExecutorService threads = ExecutorKind.PLATFORM.create(o.workers())) {
            long expected = -1;
            for (int w = 0; w < PRIMES_WARM_UPS; w++) {
                expected = countSequentially(chunks, expected);
                countOn(processes, chunks, expected);
                countOn(threads, chunks, expected);
            }
            for (int r = 0; r < o.runs(); r++) {
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
        String measure = primesMeasure(o);
        return List.of(summarize(measure, SEQUENTIAL, sequential),
                summarize(measure, ExecutorKind.PROCESS.label(), process),
                summarize(measure, ExecutorKind.PLATFORM.label(), platform));
    }

    /** The primes below {@code bound} in {@code n} equal ranges, the costliest (highest) first. */
    static List<Callable<Long>> primeChunks(int bound, int n) {
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

    /** Milliseconds from {@code new ProcessPool} to the first no-op result, once per run. */
    private static double[] coldStarts(Options o) throws Exception {
        double[] ms = new double[o.runs()];
        for (int r = 0; r < o.runs(); r++) {
            long start = System.nanoTime();
            try (ExecutorService pool = ExecutorKind.PROCESS.create(o.workers())) {
                pool.submit(LabTasks.noop()).get(WAIT_SECONDS, TimeUnit.SECONDS);
                ms[r] = millisSince(start);
            }
        }
        return ms;
    }

    /** Each run's median round trip (submit, then get) of a no-op, after a warm-up, in milliseconds. */
    private static double[] warmRoundTrips(ExecutorKind kind, Options o) throws Exception {
        double[] medians = new double[o.runs()];
        try (ExecutorService pool = kind.create(o.workers())) {
            roundTrips(pool, Math.max(o.tasks(), 500)); // warm-up: JIT on both sides, every worker booted
            for (int r = 0; r < o.runs(); r++) {
                medians[r] = median(roundTrips(pool, o.tasks()));
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

    private static Row summarize(String measure, ExecutorKind kind, double[] ms) {
        return summarize(measure, kind.label(), ms);
    }

    private static Row summarize(String measure, String executor, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Row(measure, executor, median(ms), sorted[0], sorted[sorted.length - 1]);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
    static double speedUp(List<Row> rows, Row r) {
        return r.measure().startsWith("primes") ? primesMedian(rows, SEQUENTIAL) / r.medianMs() : Double.NaN;
    }

    static String table(Options o, List<Row> rows) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "ProcessPool benchmark: %d workers, %d sequential tasks per run, %d runs;"
                + " JDK %s, %d cores%n", o.workers(), o.tasks(), o.runs(), Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        s.append(String.format(Locale.ROOT, "%-36s %-20s %12s %12s %12s%n", "measure", "executor", "median ms", "min ms", "max ms"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-36s %-20s %12.3f %12.3f %12.3f%n",
                    r.measure(), r.executor(), r.medianMs(), r.minMs(), r.maxMs()));
        }
        double process = warm(rows, ExecutorKind.PROCESS.label());
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        s.append(String.format(Locale.ROOT, "warm round trip: worker process %.3f ms = %.1fx a platform thread (%.3f ms);"
                + " %.2f of the %.1f ms bound: %s%n", process, process / platform, platform,
                process / ROUND_TRIP_BOUND_MS, ROUND_TRIP_BOUND_MS, process <= ROUND_TRIP_BOUND_MS ? "within" : "OVER"));
        double processSpeedUp = primesMedian(rows, SEQUENTIAL) / primesMedian(rows, ExecutorKind.PROCESS.label());
        double platformSpeedUp = primesMedian(rows, SEQUENTIAL) / primesMedian(rows, ExecutorKind.PLATFORM.label());
        s.append(String.format(Locale.ROOT, "primes speed-up over sequential (%.1f ms): %d worker processes %.2fx,"
                + " %d platform threads %.2fx; target %.1fx for 2 worker processes on 2 cores: %s%n",
                primesMedian(rows, SEQUENTIAL), o.workers(), processSpeedUp, o.workers(), platformSpeedUp,
                SPEED_UP_TARGET, processSpeedUp >= SPEED_UP_TARGET ? "met" : "NOT met"));
        return s.toString();
    }

    private static Path writeCsv(Options o, List<Row> rows) throws IOException {
        Files.createDirectories(o.out());
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        var csv = new StringBuilder("measure,executor,workers,tasks_per_run,runs,median_ms,min_ms,max_ms,"
                + "ratio_vs_platform_round_trip,bound_ms,speed_up_vs_sequential,speed_up_target\n");
        for (Row r : rows) {
            boolean warmRow = r.measure().startsWith("warm");
            boolean primesRow = r.measure().startsWith("primes");
            boolean processRow = r.executor().equals(ExecutorKind.PROCESS.label());
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%s,%s,%s,%s%n", r.measure(), r.executor(),
                    r.executor().equals(SEQUENTIAL) ? 1 : o.workers(),
                    warmRow ? o.tasks() : primesRow ? o.chunks() : 1, o.runs(), r.medianMs(), r.minMs(), r.maxMs(),
                    warmRow ? String.format(Locale.ROOT, "%.2f", r.medianMs() / platform) : "",
                    warmRow && processRow ? ROUND_TRIP_BOUND_MS : "",
                    primesRow ? String.format(Locale.ROOT, "%.3f", speedUp(rows, r)) : "",
                    primesRow && processRow ? SPEED_UP_TARGET : ""));
        }
        Path file = o.out().resolve("processes.csv");
        Files.writeString(file, csv);
        return file;
    }
}
