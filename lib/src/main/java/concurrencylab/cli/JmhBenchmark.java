package concurrencylab.cli;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.ReferenceMicrobench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs {@link ReferenceMicrobench} with JMH at short settings and writes JMH's own CSV.
 * {@snippet lang=sh :
 * ./course bench jmh                          # fork 1, a 1 s warm-up + 5 measured iterations of 0.5 s
 * ./course bench jmh --out datasets/reference
 * ./course bench jmh -i 5 -r 1s               # any JMH option overrides the short default
 * }
 * The defaults are {@code -f 1 -wi 1 -w 1s -i 5 -r 500ms -rf csv -rff DIR/jmh.csv}, plus
 * {@code --enable-preview} for the forked JVM; a JMH option given on the command line
 * replaces the default of the same name. Prints the ratios the lesson quotes: two platform
 * threads and virtual threads against sequential, and a virtual against a platform thread's
 * start and join. Exit status 2 on a bad option.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: a command-line main.
 */
public final class JmhBenchmark {

    private JmhBenchmark() {
    }

    /**
     * Runs the microbenchmarks.
     *
     * @param args {@code --out DIR} and any JMH options
     * @throws Exception if JMH fails or the folder cannot be created
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of("build/bench");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("-f", "1");
        options.put("-wi", "1");
        options.put("-w", "1s");
        options.put("-i", "5");
        options.put("-r", "500ms");
        options.put("-rf", "csv");
        options.put("-jvmArgsAppend", "--enable-preview");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println("Usage: ./course bench jmh [--out DIR] [JMH options, e.g. -i 5 -r 1s]\n"
                        + "  defaults: " + options + " -rff DIR/jmh.csv");
                return;
            }
            if (i + 1 >= args.length || !args[i].startsWith("-")) {
                System.err.println("JmhBenchmark: '" + args[i] + "' needs a value; accepted: --out DIR and JMH options"
                        + " given as pairs, e.g. -i 5");
                System.exit(2);
                return;
            }
            if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            } else {
                options.put(args[i], args[++i]);
            }
        }
        Files.createDirectories(out);
        Path csv = out.resolve("jmh.csv");
        options.put("-rff", csv.toString());
        List<String> jmhArgs = new ArrayList<>();
        options.forEach((k, v) -> {
            jmhArgs.add(k);
            jmhArgs.add(v);
        });
        jmhArgs.add(ReferenceMicrobench.class.getName());
        CommandLineOptions parsed;
        try {
            parsed = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("JmhBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "JMH reference microbenchmarks · JDK %s · %d cores · load average %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage());
        Collection<RunResult> results = new Runner(parsed).run();
        System.out.print(ratios(results));
        System.out.println("wrote " + csv + " · load average now " + BenchStats.loadAverage());
    }

    private static String ratios(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        var s = new StringBuilder();
        Double seq = score.get("primesSequential");
        for (String par : List.of("primesTwoPlatformThreads", "primesVirtualThreads")) {
            if (seq != null && score.containsKey(par)) {
                s.append(String.format(Locale.ROOT, "%s: %.2fx faster than primesSequential%n", par, seq / score.get(par)));
            }
        }
        Double platform = score.get("startJoinPlatformThread");
        Double virtual = score.get("startJoinVirtualThread");
        if (platform != null && virtual != null) {
            s.append(String.format(Locale.ROOT, "start+join: platform %.2f us, virtual %.2f us: a virtual thread is %.1fx cheaper%n",
                    platform, virtual, platform / virtual));
        }
        return s.toString();
    }
}
