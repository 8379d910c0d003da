package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a worker JVM costs: cold start (new pool to first result) and the warm round trip of
 * a no-op task, set beside the same no-op on platform and virtual threads.
 * {@snippet lang=sh :
 * ./course bench processes                 # --out build/bench, 2 workers, 2000 tasks, 5 runs
 * ./course bench processes --workers 4 --tasks 5000 --runs 7
 * }
 * Prints a table and writes {@code DIR/processes.csv}; medians of {@code runs} runs, the
 * warm figure being each run's median round trip. Exits with status 2 on bad arguments.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class ProcessPoolBenchmark {

    /** The bound for a warm round trip, in milliseconds. */
    static final double ROUND_TRIP_BOUND_MS = 1.0;
    private static final long WAIT_SECONDS = 120;
    private static final String USAGE = "usage: ProcessPoolBenchmark --out DIR [--workers 1..64 (default 2)]"
            + " [--tasks 1..1000000 (default 2000)] [--runs 1..100 (default 5)]";

    private ProcessPoolBenchmark() {
    }

    /** Options: output directory, pool size, sequential tasks per run, runs. */
    record Options(Path out, int workers, int tasks, int runs) {

        static Options parse(String[] args) {
            Path out = null;
            int workers = 2;
            int tasks = 2000;
            int runs = 5;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> out = Path.of(required(args[i], value));
                    case "--workers" -> workers = intIn(args[i], value, 1, 64);
                    case "--tasks" -> tasks = intIn(args[i], value, 1, 1_000_000);
                    case "--runs" -> runs = intIn(args[i], value, 1, 100);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
                i++;
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            return new Options(out, workers, tasks, runs);
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
     * @param args {@code --out DIR [--workers N] [--tasks N] [--runs N]}
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
        return rows;
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
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Row(measure, kind.label(), median(ms), sorted[0], sorted[sorted.length - 1]);
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

    static String table(Options o, List<Row> rows) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "ProcessPool benchmark: %d workers, %d sequential tasks per run, %d runs;"
                + " JDK %s, %d cores%n", o.workers(), o.tasks(), o.runs(), Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        s.append(String.format(Locale.ROOT, "%-28s %-18s %12s %12s %12s%n", "measure", "executor", "median ms", "min ms", "max ms"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-28s %-18s %12.3f %12.3f %12.3f%n",
                    r.measure(), r.executor(), r.medianMs(), r.minMs(), r.maxMs()));
        }
        double process = warm(rows, ExecutorKind.PROCESS.label());
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        s.append(String.format(Locale.ROOT, "warm round trip: worker process %.3f ms = %.1fx a platform thread (%.3f ms);"
                + " %.2f of the %.1f ms bound: %s%n", process, process / platform, platform,
                process / ROUND_TRIP_BOUND_MS, ROUND_TRIP_BOUND_MS, process <= ROUND_TRIP_BOUND_MS ? "within" : "OVER"));
        return s.toString();
    }

    private static Path writeCsv(Options o, List<Row> rows) throws IOException {
        Files.createDirectories(o.out());
        double platform = warm(rows, ExecutorKind.PLATFORM.label());
        var csv = new StringBuilder("measure,executor,workers,tasks_per_run,runs,median_ms,min_ms,max_ms,"
                + "ratio_vs_platform_round_trip,bound_ms\n");
        for (Row r : rows) {
            boolean warmRow = r.measure().startsWith("warm");
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%s,%s%n", r.measure(), r.executor(),
                    o.workers(), warmRow ? o.tasks() : 1, o.runs(), r.medianMs(), r.minMs(), r.maxMs(),
                    warmRow ? String.format(Locale.ROOT, "%.2f", r.medianMs() / platform) : "",
                    warmRow && r.executor().equals(ExecutorKind.PROCESS.label()) ? ROUND_TRIP_BOUND_MS : ""));
        }
        Path file = o.out().resolve("processes.csv");
        Files.writeString(file, csv);
        return file;
    }
}
