package concurrencylab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command-line options of the benchmark mains: {@code --out DIR} plus whole-number
 * options each main declares with its default and accepted range. A later option wins, so
 * {@code ./course bench cpu --out datasets/reference} overrides the script's own
 * {@code --out build/bench}.
 *
 * <p>Thread safety: an immutable value once parsed.
 */
final class BenchArgs {

    /** One whole-number option: its default and accepted range. */
    record Option(String name, int defaultValue, int min, int max, String help) {
    }

    private final Path out;
    private final Map<String, Integer> values;
    private final boolean help;

    private BenchArgs(Path out, Map<String, Integer> values, boolean help) {
        this.out = out;
        this.values = values;
        this.help = help;
    }

    /**
     * Parses {@code args} against {@code options}.
     *
     * @throws IllegalArgumentException on an unknown option, a missing value, or a number
     *     outside its range; the message says what is accepted
     */
    static BenchArgs parse(String[] args, Option... options) {
        Map<String, Option> known = new LinkedHashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Option o : options) {
            known.put(o.name(), o);
            values.put(o.name(), o.defaultValue());
        }
        Path out = Path.of("build/bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new BenchArgs(out, values, true);
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (arg.equals("--out")) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("--out needs a folder");
                }
                out = Path.of(value);
            } else if (known.containsKey(arg)) {
                Option o = known.get(arg);
                values.put(arg, whole(o, value));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; accepted: --out DIR, "
                        + String.join(", ", known.keySet().stream().map(k -> k + " N").toList()) + ", --help");
            }
            i++;
        }
        return new BenchArgs(out, values, false);
    }

    private static int whole(Option o, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= o.min() && n <= o.max()) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(o.name() + " '" + value + "' is not accepted; accepted: a whole number "
                + o.min() + ".." + o.max());
    }

    /** Returns the usage text for a main called {@code name}. */
    static String usage(String name, Option... options) {
        var s = new StringBuilder("Usage: ./course bench " + name + " [--out DIR]");
        for (Option o : options) {
            s.append(" [").append(o.name()).append(" N]");
        }
        s.append("\n  --out DIR     where the CSV files go (default build/bench)\n");
        for (Option o : options) {
            s.append(String.format("  %-13s %s, %d..%d (default %d)%n", o.name() + " N", o.help(), o.min(), o.max(),
                    o.defaultValue()));
        }
        return s.toString();
    }

    Path out() {
        return out;
    }

    boolean help() {
        return help;
    }

    int get(String name) {
        Integer v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        return v;
    }
}
