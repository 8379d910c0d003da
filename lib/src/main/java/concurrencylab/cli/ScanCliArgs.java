package concurrencylab.cli;

import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanVariant;

import java.time.Duration;

/** The parsed options of {@link ScanCli}; every bad value is an IllegalArgumentException. */
record ScanCliArgs(boolean help, boolean json, ScanVariant variant, ScanRequest request) {

    static ScanCliArgs parse(String[] args) {
        String ports = "1-1024";
        String host = null;
        int limit = ScanRequest.DEFAULT_CONCURRENCY;
        long timeoutMs = ScanRequest.DEFAULT_CONNECT_TIMEOUT.toMillis();
        boolean json = false;
        boolean allowRemote = false;
        ScanVariant variant = ScanVariant.STRUCTURED;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new ScanCliArgs(true, false, variant, null);
                }
                case "--ports" -> ports = value(args, ++i, a);
                case "--limit" -> limit = (int) number(value(args, ++i, a), a, "1..10000");
                case "--timeout" -> timeoutMs = number(value(args, ++i, a), a, "1..60000 (milliseconds)");
                case "--variant" -> variant = ScanVariant.parse(value(args, ++i, a));
                case "--json" -> json = true;
                case "--allow-remote" -> allowRemote = true;
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new IllegalArgumentException("unknown option '" + a + "'; accepted: --ports,"
                                + " --limit, --timeout, --variant, --json, --allow-remote, --help");
                    }
                    if (host != null) {
                        throw new IllegalArgumentException("more than one host ('" + host + "', '" + a
                                + "'); accepted: exactly one HOST");
                    }
                    host = a;
                }
            }
        }
        if (host == null) {
            throw new IllegalArgumentException("no HOST given; accepted: one loopback host, e.g. 127.0.0.1");
        }
        ScanRequest request = ScanRequest.of(host, ports, allowRemote)
                .withConcurrency(limit)
                .withConnectTimeout(Duration.ofMillis(timeoutMs));
        return new ScanCliArgs(false, json, variant, request);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String option, String accepted) {
        try {
            long n = Long.parseLong(text.strip());
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a whole number; accepted: "
                    + accepted);
        }
    }
}
