package concurrencylab.lab.bench;

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
        if (millis == null || millis.length == 0) {
            throw new IllegalArgumentException("statistics need at least one run time, got none");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("run times must be numbers, got " + Arrays.toString(millis));
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new BenchStats(median, sorted[0], sorted[n - 1], n);
    }
}
