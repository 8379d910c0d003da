package concurrencylab.cli;

import concurrencylab.lab.bench.BenchCsv;
import concurrencylab.lab.bench.BenchHarness;
import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.IoBench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * {@code ./course bench io}: I/O-bound work, where waiting, not the CPU, sets the pace
 * ({@link IoBench} measures; this main parses, prints and writes the CSV).
 * {@snippet lang=sh :
 * ./course bench io                            # build/bench/io.csv and io-models.csv
 * ./course bench io --out datasets/reference   # the reference run the notebooks load
 * }
 * Memory per parked thread, 10,000 sleeps of 1 s on virtual threads against a 200-thread pool
 * (computed by Little's law, then checked at 1,000 tasks), a million sleeping virtual threads,
 * and ({@code --models 1}) 20 sleeps of 50 ms through {@link BenchHarness} on the four models.
 * Medians of {@code --runs} runs. {@code ./course} starts this benchmark's JVM with
 * {@code -Xmx8g -Xmn2g} ({@link Bench}). Exit status 0 when the run completed (a missed target
 * is reported, not an error), 2 on bad arguments.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class IoBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench io",
                    "Sleeping tasks on virtual threads and a platform pool, a million virtual threads, memory per thread.")
            .out("where the CSV files go")
            .number("--runs", 5, 1, 50, "timed runs of each measure")
            .number("--tasks", 10_000, 1, 1_000_000, "tasks of the virtual-vs-pool comparison")
            .number("--pool", 200, 1, 10_000, "platform threads of the pool")
            .number("--scaled", 1_000, 0, 100_000, "tasks of the real pool run (0: skip)")
            .number("--million", 1_000_000, 0, 2_000_000, "virtual threads of the big run (0: skip)")
            .number("--sleep-ms", 1_000, 1, 60_000, "what each task sleeps")
            .number("--models", 1, 0, 1, "1: also the harness run on the four models (io-models.csv)")
            .footer("Exit status: 0 ran (a missed target is reported, not an error), 2 bad arguments.");

    private IoBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment; {@code --help} prints them
     * @throws Exception if a run times out or a CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "I/O benchmark · JDK %s · %d cores · load average %s · max heap %d MiB"
                        + " · heap flags %s · median of %d runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, IoBench.heapFlags(), a.number("--runs"));
        List<IoBench.Row> rows = IoBench.run(new IoBench.Settings(a.number("--runs"), a.number("--tasks"),
                a.number("--pool"), a.number("--scaled"), a.number("--million"),
                Duration.ofMillis(a.number("--sleep-ms"))), System.out);
        System.out.print(IoBench.text(rows));
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("io.csv");
        Files.writeString(csv, IoBench.csv(rows));
        System.out.println("wrote " + csv + " · load average now " + BenchStats.loadAverage() + " (1, 5, 15 min)");
        if (a.number("--models") == 1) {
            Table models = BenchHarness.run(IoBench.models(a.number("--runs")));
            System.out.println(models.print());
            System.out.println("wrote " + BenchCsv.write(a.out().resolve("io-models.csv"), models));
        }
    }
}
