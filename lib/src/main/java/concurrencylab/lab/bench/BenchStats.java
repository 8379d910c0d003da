package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.util.Arrays;

/**
 * Median, minimum and maximum of a few timed runs, in milliseconds.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param medianMs the middle run (the mean of the two middle runs for an even count)
 * @param minMs    the fastest run
 * @param maxMs    the slowest run
 * @param runs     how many runs
 */
public record BenchStats(double medianMs, double minMs, double maxMs, int runs) {

    /** Returns this machine's load averages over 1, 5 and 15 minutes (from /proc/loadavg), or "unknown". */
    public static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    /**
     * Summarizes run times.
     *
     * @throws IllegalArgumentException if {@code millis} is null or empty, or holds NaN
     */
    public static BenchStats of(double... millis) {
        Require.that(millis != null && millis.length > 0, "millis", "at least one run time", "none");
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        Require.that(!Double.isNaN(sorted[sorted.length - 1]), "millis", "numbers (no NaN)", Arrays.toString(millis));
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new BenchStats(median, sorted[0], sorted[n - 1], n);
    }
}
