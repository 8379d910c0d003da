package concurrencylab.cli;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.JmhBench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code ./course bench jmh}: runs the reference microbenchmarks with JMH at short settings
 * ({@link JmhBench}) and writes JMH's own CSV.
 * {@snippet lang=sh :
 * ./course bench jmh                          # fork 1, a 1 s warm-up + 5 timed iterations of 0.5 s
 * ./course bench jmh --out datasets/reference
 * ./course bench jmh -i 5 -r 1s               # any JMH option overrides the short default
 * }
 * A JMH option given on the command line replaces the default of the same name. Prints the
 * ratios the lesson quotes. Exit status 2 on a bad option.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class JmhBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench jmh",
                    "The JMH reference microbenchmarks at short settings; a JMH option given replaces its default.\n"
                            + "Defaults: " + String.join(" ", JmhBench.DEFAULTS.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue()).toList()) + " -rff DIR/jmh.csv")
            .out("where jmh.csv goes")
            .passThrough("JMH options");

    private JmhBenchmark() {
    }

    /**
     * Runs the microbenchmarks.
     *
     * @param args {@code --out DIR} and any JMH options
     * @throws Exception if JMH fails or the folder cannot be created
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("jmh.csv");
        CommandLineOptions options;
        try {
            options = JmhBench.options(a.passThrough(), csv);
        } catch (CommandLineOptionException e) {
            CLI.reportError(new IllegalArgumentException("JMH does not accept these options: " + e.getMessage()),
                    System.err);
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "JMH reference microbenchmarks · JDK %s · %d cores · load average %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage());
        Collection<RunResult> results = JmhBench.run(options);
        System.out.print(JmhBench.ratios(results));
        System.out.println("wrote " + csv + " · load average now " + BenchStats.loadAverage());
    }
}
