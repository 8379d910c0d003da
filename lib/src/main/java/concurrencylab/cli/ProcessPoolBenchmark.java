package concurrencylab.cli;

import concurrencylab.lab.bench.ProcessPoolBench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./course bench processes}: what a worker JVM costs (cold start, warm round trip of a
 * no-op beside platform and virtual threads) and what it buys (the primes speed-up); the
 * measuring is {@link ProcessPoolBench}'s.
 * {@snippet lang=sh :
 * ./course bench processes                 # --out build/bench, 2 workers, 2000 tasks, 5 runs
 * ./course bench processes --workers 4 --tasks 5000 --runs 7 --primes-below 4000000 --chunks 40
 * }
 * Prints a table and writes {@code DIR/processes.csv}. {@code --out} is required (the
 * launcher passes it). Exits with status 2 on bad arguments.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class ProcessPoolBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench processes",
                    "What a worker JVM costs (cold start, warm round trip) and what it buys (the primes speed-up).")
            .requiredOut("where processes.csv goes")
            .number("--workers", 2, 1, 64, "worker JVMs and platform threads")
            .number("--tasks", 2000, 1, 1_000_000, "sequential no-op round trips per run")
            .number("--runs", 5, 1, 100, "timed runs of each measure")
            .number("--primes-below", 2_000_000, 1000, 100_000_000, "the primes job counts the primes below this")
            .number("--chunks", ProcessPoolBench.DEFAULT_PRIMES_CHUNKS, 1, 1000, "chunks of the primes job")
            .footer("Exit status: 0 ran, 2 bad arguments.");

    private ProcessPoolBenchmark() {
    }

    /** Returns the settings {@code a} holds. */
    static ProcessPoolBench.Settings settings(CommandLine.Parsed a) {
        return new ProcessPoolBench.Settings(a.number("--workers"), a.number("--tasks"), a.number("--runs"),
                a.number("--primes-below"), a.number("--chunks"));
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --out DIR [--workers N] [--tasks N] [--runs N] [--primes-below N] [--chunks N]}
     * @throws Exception if a task fails or the CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        ProcessPoolBench.Settings settings = settings(a);
        List<ProcessPoolBench.Row> rows = ProcessPoolBench.run(settings);
        System.out.print(ProcessPoolBench.table(settings, rows));
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("processes.csv");
        Files.writeString(csv, ProcessPoolBench.csv(settings, rows));
        System.out.println("wrote " + csv);
    }
}
