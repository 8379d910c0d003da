package concurrencylab.cli;

import concurrencylab.lab.bench.BenchCsv;
import concurrencylab.lab.bench.BenchHarness;
import concurrencylab.lab.bench.BenchModel;
import concurrencylab.lab.bench.BenchSpec;
import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.BenchWorkload;
import concurrencylab.lab.bench.CoreShare;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * CPU-bound work on the four models: the primes below 2,000,000 counted in chunks, and
 * SHA-256 rounds, each run sequentially, on 2 platform threads, on virtual threads and in 2
 * worker JVMs; then the primes again on 1, 2 and 4 workers to show where the cores run out.
 * {@snippet lang=sh :
 * ./course bench cpu                              # build/bench/cpu.csv and cpu-scaling.csv
 * ./course bench cpu --out datasets/reference     # the reference run the notebooks load
 * ./course bench cpu --runs 7 --chunks 64
 * }
 * Every figure is the median of {@code --runs} timed runs after {@code --warmup} discarded
 * ones; the tables print, followed by the targets: platform and process pools at least 1.8×
 * sequential on two cores, and virtual threads no faster than platform threads. Exit status
 * 0 when the run completed (a missed target is reported, not an error), 2 on bad arguments.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class CpuBenchmark {

    /** The speed-up the two-worker pools should reach over sequential on two cores. */
    static final double TARGET_SPEEDUP = 1.8;

    private static final BenchArgs.Option[] OPTIONS = {
        new BenchArgs.Option("--runs", 5, 1, 100, "timed runs per model"),
        new BenchArgs.Option("--warmup", 1, 0, 20, "discarded runs per model before timing"),
        new BenchArgs.Option("--limit", 2_000_000, 1_000, 100_000_000, "count the primes below this"),
        new BenchArgs.Option("--chunks", 16, 1, 10_000, "tasks the prime range is split into"),
        new BenchArgs.Option("--workers", 2, 1, 64, "platform threads and worker JVMs"),
        new BenchArgs.Option("--rounds", 200_000, 1, 100_000_000, "SHA-256 rounds per text (32 texts)"),
        new BenchArgs.Option("--sweep", 1, 0, 1, "1: also run primes on 1, 2 and 4 workers (cpu-scaling.csv)"),
    };

    private CpuBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment; {@code --help} prints them
     * @throws Exception if a task fails, a run times out or a CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            System.err.println("CpuBenchmark: " + e.getMessage() + "\n" + BenchArgs.usage("cpu", OPTIONS));
            System.exit(2);
            return;
        }
        if (a.help()) {
            System.out.print(BenchArgs.usage("cpu", OPTIONS));
            return;
        }
        int workers = a.get("--workers");
        List<BenchModel> models = List.of(BenchModel.platform(workers), BenchModel.virtual(), BenchModel.process(workers));
        BenchSpec primesSpec = BenchSpec.of(BenchWorkload.primes(a.get("--limit"), a.get("--chunks")))
                .withModels(models).withWarmup(a.get("--warmup")).withRepeats(a.get("--runs"));
        System.out.println(header(a));
        System.out.println(coreShare(workers));
        Table primes = BenchHarness.run(primesSpec);
        System.out.println(primes.print());
        Table sha = BenchHarness.run(primesSpec.withWorkload(BenchWorkload.sha256(32, a.get("--rounds"))));
        System.out.println(sha.print());
        Path csv = BenchCsv.write(a.out().resolve("cpu.csv"), primes, sha);
        System.out.println("wrote " + csv);
        if (a.get("--sweep") == 1) {
            Table sweep = BenchHarness.run(primesSpec.withModels(BenchModel.platform(1), BenchModel.platform(2),
                    BenchModel.platform(4), BenchModel.virtual(), BenchModel.process(1), BenchModel.process(2),
                    BenchModel.process(4)));
            System.out.println(sweep.print());
            System.out.println("wrote " + BenchCsv.write(a.out().resolve("cpu-scaling.csv"), sweep));
        }
        System.out.print(verdict(primes, workers));
        System.out.print(verdict(sha, workers));
        System.out.println(coreShare(workers));
        System.out.println("load average at the end: " + BenchStats.loadAverage() + " (1, 5, 15 min)");
    }

    private static String header(BenchArgs a) {
        return String.format(Locale.ROOT, "CPU benchmark · JDK %s · %d cores · load average %s · median of %d runs after %d warm-up",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage(), a.get("--runs"),
                a.get("--warmup"));
    }

    /** Returns a line saying how many cores {@code workers} spinning threads obtained just now. */
    private static String coreShare(int workers) throws InterruptedException, java.util.concurrent.TimeoutException {
        double got = CoreShare.measure(workers, java.time.Duration.ofMillis(500));
        return String.format(Locale.ROOT, "cores obtained by %d spinning threads over 0.5 s: %.2f"
                + " (CPU time / wall time; the most any %d-worker pool can reach right now)", workers, got, workers);
    }

    /** Returns the lines saying whether each target was met, with the measured ratios. */
    static String verdict(Table t, int workers) {
        double platform = speedup(t, "platform threads");
        double process = speedup(t, "worker processes");
        double virtual = speedup(t, "virtual threads");
        double needed = Math.min(TARGET_SPEEDUP, TARGET_SPEEDUP * Math.min(workers, Runtime.getRuntime().availableProcessors()) / 2.0);
        var s = new StringBuilder(t.stringColumn("workload").get(0)).append(":\n");
        s.append(line("platform threads", platform, needed));
        s.append(line("worker processes", process, needed));
        s.append(String.format(Locale.ROOT, "  virtual threads %.2fx vs platform %.2fx: %s%n", virtual, platform,
                virtual <= platform * 1.05 ? "no faster, as expected (same cores, same work)"
                        : "faster than platform by more than 5 % (noise, or the pool was short of workers)"));
        return s.toString();
    }

    private static String line(String model, double speedup, double needed) {
        return String.format(Locale.ROOT, "  %s %.2fx sequential (target >= %.2fx): %s%n", model, speedup, needed,
                speedup >= needed ? "met" : "MISSED");
    }

    private static double speedup(Table t, String model) {
        for (int row = 0; row < t.rowCount(); row++) {
            if (t.stringColumn("model").get(row).equals(model)) {
                return t.doubleColumn("speedup").getDouble(row);
            }
        }
        throw new IllegalArgumentException("no row for " + model + " in " + t.name());
    }
}
