package concurrencylab.cli;

import java.nio.file.Path;

/** The parsed arguments of {@link ScanBenchmark}; every bad value is an IllegalArgumentException. */
record ScanBenchmarkArgs(boolean help, Path out, int runs, String nmap) {
    static final String USAGE = """
            Usage: ./course bench scan [--out DIR] [--runs N] [--nmap PATH]
              --out DIR    where to write scan.csv (default build/bench)
              --runs N     timed runs per tool and range, 1..50 (default 5)
              --nmap PATH  the nmap executable (default: nmap on PATH); without it only our scanner is timed""";

    static ScanBenchmarkArgs parse(String[] args) {
        Path out = Path.of("build/bench");
        int runs = 5;
        String nmap = "nmap";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    return new ScanBenchmarkArgs(true, out, runs, nmap);
                }
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--runs" -> runs = runs(value(args, ++i, "--runs"));
                case "--nmap" -> nmap = value(args, ++i, "--nmap");
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; accepted: --out DIR, --runs N (1..50), --nmap PATH, --help");
            }
        }
        return new ScanBenchmarkArgs(false, out, runs, nmap);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static int runs(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--runs '" + text + "' is not accepted; accepted: a whole number 1..50");
    }
}
