package concurrencylab.lab.bench;

import java.time.Duration;
import concurrencylab.util.Require;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of the course's measurements, in one place: median, minimum and maximum of a
 * few timed runs, and the nearest-rank quantile. Every benchmark, experiment and table of the
 * lab computes its medians here.
 *
 * <p>The median is the middle value, or the mean of the two middle values for an even count.
 * The {@code Ms} names are the harness's unit; {@link #of} keeps whatever unit it is given
 * (seconds, KiB), and so do the static helpers.
 *
 * <p>Thread safety: an immutable value; the static methods are stateless and copy their input.
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
        double[] sorted = sorted(millis);
        return new BenchStats(middle(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /**
     * Returns the median of {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is null or empty, or holds NaN
     */
    public static double median(double... values) {
        return middle(sorted(values));
    }

    /**
     * Returns the median of {@code durations}, rounded to the nanosecond.
     *
     * @throws IllegalArgumentException if {@code durations} is null or empty, or holds null
     */
    public static Duration median(List<Duration> durations) {
        return Duration.ofNanos(Math.round(median(nanos(durations))));
    }

    /**
     * Returns the {@code q}-quantile of {@code durations} by nearest rank: the smallest value
     * with at least {@code q} of the values at or below it ({@code q = 0} gives the smallest).
     *
     * @throws IllegalArgumentException if {@code q} is outside 0..1, or {@code durations} is
     *     null or empty, or holds null
     */
    public static Duration quantile(double q, List<Duration> durations) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile must be between 0 and 1, got " + q);
        }
        double[] sorted = sorted(nanos(durations));
        int rank = (int) Math.ceil(q * sorted.length);
        return Duration.ofNanos((long) sorted[Math.max(0, rank - 1)]);
    }

    private static double[] nanos(List<Duration> durations) {
        if (durations == null || durations.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("statistics need durations, got " + durations);
        }
        return durations.stream().mapToDouble(Duration::toNanos).toArray();
    }

    private static double[] sorted(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one run time, got none");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("run times must be numbers, got " + Arrays.toString(values));
        }
        return sorted;
    }

    private static double middle(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
