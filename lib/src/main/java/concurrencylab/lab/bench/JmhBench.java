package concurrencylab.lab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs {@link ReferenceMicrobench} with JMH at short settings ({@code ./course bench jmh}) and
 * reads the ratios the lesson quotes from the results: two platform threads and virtual
 * threads against sequential, and a virtual against a platform thread's start and join.
 * {@snippet :
 * CommandLineOptions o = JmhBench.options(List.of("-i", "3"), Path.of("build/bench/jmh.csv"));
 * System.out.print(JmhBench.ratios(JmhBench.run(o)));
 * }
 * The defaults ({@link #DEFAULTS}) are {@code -f 1 -wi 1 -w 1s -i 5 -r 500ms -rf csv}, plus
 * {@code --enable-preview} for the forked JVM; an option given replaces the default of the
 * same name.
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless; JMH runs one
 * benchmark at a time.
 */
public final class JmhBench {

    /** JMH's options unless the caller gives the same name: fork 1, a 1 s warm-up, 5 iterations of 0.5 s. */
    public static final Map<String, String> DEFAULTS = defaults();

    private JmhBench() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("-f", "1");
        options.put("-wi", "1");
        options.put("-w", "1s");
        options.put("-i", "5");
        options.put("-r", "500ms");
        options.put("-rf", "csv");
        options.put("-jvmArgsAppend", "--enable-preview");
        return java.util.Collections.unmodifiableMap(options);
    }

    /**
     * Returns JMH's options: {@link #DEFAULTS}, overridden by {@code pairs} ({@code -name value}
     * pairs), the result file {@code csv}, and {@link ReferenceMicrobench} as the benchmark.
     *
     * @throws CommandLineOptionException if JMH rejects an option; its message says which
     * @throws IllegalArgumentException if {@code pairs} has an odd length
     */
    public static CommandLineOptions options(List<String> pairs, Path csv) throws CommandLineOptionException {
        if (pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("JMH options come in pairs (-name value), got " + pairs);
        }
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < pairs.size(); i += 2) {
            options.put(pairs.get(i), pairs.get(i + 1));
        }
        options.put("-rff", csv.toString());
        List<String> args = new ArrayList<>();
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.add(ReferenceMicrobench.class.getName());
        return new CommandLineOptions(args.toArray(String[]::new));
    }

    /**
     * Runs the microbenchmarks (JMH forks and waits for its own JVMs).
     *
     * @throws RunnerException if JMH fails
     */
    public static Collection<RunResult> run(CommandLineOptions options) throws RunnerException {
        return new Runner(options).run();
    }

    /** Returns the ratios of {@code results}: each parallel primes variant against sequential, and the start+join costs. */
    public static String ratios(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        return ratios(score);
    }

    /** Returns the ratios of scores by benchmark method name (average microseconds per call). */
    static String ratios(Map<String, Double> score) {
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
            s.append(String.format(Locale.ROOT,
                    "start+join: platform %.2f us, virtual %.2f us: a virtual thread is %.1fx cheaper%n",
                    platform, virtual, platform / virtual));
        }
        return s.toString();
    }
}
