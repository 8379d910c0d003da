package concurrencylab.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of the web benchmarks: {@code --out DIR} (default build/bench)
 * and whole-number options within a range. Immutable and thread-safe.
 */
final class WebBenchArgs {
    private final Map<String, String> values;

    private WebBenchArgs(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @throws IllegalArgumentException on an unknown flag or a flag without a value
     */
    static WebBenchArgs parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i]) && !args[i].equals("--out")) {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; accepted: --out DIR, " + known);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        return new WebBenchArgs(values);
    }

    Path out() {
        return Path.of(values.getOrDefault("--out", "build/bench"));
    }

    /** @throws IllegalArgumentException if the value is not a whole number in min..max */
    int intIn(String flag, int fallback, int min, int max) {
        String value = values.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a whole number in " + min + ".." + max + ", got '" + value + "'");
    }
}
