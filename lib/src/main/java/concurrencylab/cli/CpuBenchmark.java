package concurrencylab.cli;

import concurrencylab.lab.bench.BenchCsv;
import concurrencylab.lab.bench.BenchHarness;
import concurrencylab.lab.bench.BenchSpec;
import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.CpuBench;

import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * {@code ./course bench cpu}: CPU-bound work on the four models ({@link CpuBench}): the primes
 * below 2,000,000 counted in chunks, and SHA-256 rounds, each run sequentially, on 2 platform
 * threads, on virtual threads and in 2 worker JVMs; then the primes again on 1, 2 and 4
 * workers to show where the cores run out.
 * {@snippet lang=sh :
 * ./course bench cpu                              # build/bench/cpu.csv and cpu-scaling.csv
 * ./course bench cpu --out datasets/reference     # the reference run the notebooks load
 * ./course bench cpu --runs 7 --chunks 64
 * }
 * Every figure is the median of {@code --runs} timed runs after {@code --warmup} discarded
 * ones; the tables print, followed by the targets. Exit status 0 when the run completed (a
 * missed target is reported, not an error), 2 on bad arguments.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class CpuBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench cpu",
                    "Primes and SHA-256 rounds on the four models, then primes on 1, 2 and 4 workers.")
            .out("where the CSV files go")
            .number("--runs", 5, 1, 100, "timed runs per model")
            .number("--warmup", 1, 0, 20, "discarded runs per model before timing")
            .number("--limit", 2_000_000, 1_000, 100_000_000, "count the primes below this")
            .number("--chunks", 16, 1, 10_000, "tasks the prime range is split into")
            .number("--workers", 2, 1, 64, "platform threads and worker JVMs")
            .number("--rounds", 200_000, 1, 100_000_000, "SHA-256 rounds per text (32 texts)")
            .number("--sweep", 1, 0, 1, "1: also run primes on 1, 2 and 4 workers (cpu-scaling.csv)")
            .footer("Exit status: 0 ran (a missed target is reported, not an error), 2 bad arguments.");

    private CpuBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment; {@code --help} prints them
     * @throws Exception if a task fails, a run times out or a CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        int workers = a.number("--workers");
        BenchSpec primesSpec = CpuBench.primes(workers, a.number("--limit"), a.number("--chunks"), a.number("--warmup"),
                a.number("--runs"));
        System.out.println(String.format(Locale.ROOT,
                "CPU benchmark · JDK %s · %d cores · load average %s · median of %d runs after %d warm-up",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage(),
                a.number("--runs"), a.number("--warmup")));
        System.out.println(CpuBench.coreShare(workers));
        Table primes = BenchHarness.run(primesSpec);
        System.out.println(primes.print());
        Table sha = BenchHarness.run(CpuBench.sha256(primesSpec, a.number("--rounds")));
        System.out.println(sha.print());
        Path csv = BenchCsv.write(a.out().resolve("cpu.csv"), primes, sha);
        System.out.println("wrote " + csv);
        if (a.number("--sweep") == 1) {
            Table sweep = BenchHarness.run(CpuBench.sweep(primesSpec));
            System.out.println(sweep.print());
            System.out.println("wrote " + BenchCsv.write(a.out().resolve("cpu-scaling.csv"), sweep));
        }
        System.out.print(CpuBench.verdict(primes, workers));
        System.out.print(CpuBench.verdict(sha, workers));
        System.out.println(CpuBench.coreShare(workers));
        System.out.println("load average at the end: " + BenchStats.loadAverage() + " (1, 5, 15 min)");
    }
}
