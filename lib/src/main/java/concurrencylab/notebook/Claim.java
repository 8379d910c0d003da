package concurrencylab.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A lesson's measured claim checked in the cell that measured it: the claim in words, the
 * bound it promises, the value this run measured, and the verdict. Lesson prose states the
 * mechanism and the bound; the numbers of the run come from here, so the text beside an
 * output never contradicts it.
 * {@snippet :
 * double seconds = report.elapsed().toMillis() / 1000.0;
 * Claim.atMost("200 downloads on virtual threads take about one latency", seconds, "s")
 *      .bound(0.1, "one latency")
 *      .slack(2.0)                          // what the machine may add: loopback, wake-ups
 *      .reference(0.112)                    // the shipped reference run, if there is one
 *      .show();
 * // claim: 200 downloads on virtual threads take about one latency
 * //   measured 0.118 s · bound 0.100 s (one latency) · ratio 1.18 · allowed up to 2.00 x · holds
 * //   reference run 0.112 s (1.12 x)
 * }
 * {@code show()} prints; {@link #holds()} gives the verdict to code that branches on it.
 * A claim that misses its allowance says so, and adds one line that reads the machine (cores
 * this JVM may use and the load average), because a busy or one-core machine is the usual
 * cause; it never throws, since the run is still a fair measurement of this machine.
 *
 * <p>Thread safety: an immutable value; the copy methods return new claims.
 *
 * @param statement what the lesson claims, in words
 * @param measured  the value this run measured
 * @param unit      the unit of {@code measured} and the bound, e.g. {@code "s"} or {@code "x"}
 * @param atMost    true if the measured value should stay at or below the bound, false if at or above
 * @param bound     the bound the claim promises (NaN until {@link #bound} is called)
 * @param boundName what the bound is, in words
 * @param slack     how far from the bound still counts as holding: a factor of at least 1
 * @param reference a reference run's value for the same quantity, or NaN
 */
public record Claim(String statement, double measured, String unit, boolean atMost, double bound,
                    String boundName, double slack, double reference) {

    /** Checks the arguments; see the class documentation for their meaning. */
    public Claim {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(boundName, "boundName");
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured must be a finite number, got " + measured);
        }
        if (!(slack >= 1.0) || !Double.isFinite(slack)) {
            throw new IllegalArgumentException("slack must be a factor of at least 1, got " + slack);
        }
    }

    /** Starts a claim that {@code measured} stays at or below a bound (times, costs). */
    public static Claim atMost(String statement, double measured, String unit) {
        return new Claim(statement, measured, unit, true, Double.NaN, "", 1.0, Double.NaN);
    }

    /** Starts a claim that {@code measured} reaches at least a bound (speed-ups, rates). */
    public static Claim atLeast(String statement, double measured, String unit) {
        return new Claim(statement, measured, unit, false, Double.NaN, "", 1.0, Double.NaN);
    }

    /**
     * Returns this claim with its bound.
     *
     * @throws IllegalArgumentException if {@code value} is not a positive finite number
     */
    public Claim bound(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("bound must be a positive number, got " + value);
        }
        return new Claim(statement, measured, unit, atMost, value, name, slack, reference);
    }

    /** Returns this claim allowing the measured value to be {@code factor} times past the bound. */
    public Claim slack(double factor) {
        return new Claim(statement, measured, unit, atMost, bound, boundName, factor, reference);
    }

    /** Returns this claim with a reference run's value beside it. */
    public Claim reference(double value) {
        return new Claim(statement, measured, unit, atMost, bound, boundName, slack, value);
    }

    /** Returns measured / bound for an upper bound, bound / measured for a lower one. */
    public double ratio() {
        requireBound();
        return atMost ? measured / bound : bound / measured;
    }

    /** Returns true if the measured value is within the bound and its slack. */
    public boolean holds() {
        return ratio() <= slack;
    }

    /** Returns the claim, its numbers and its verdict, one to three lines. */
    public String report() {
        requireBound();
        var out = new StringBuilder("claim: ").append(statement).append('\n');
        out.append(String.format(Locale.ROOT, "  measured %s · bound %s%s · ratio %.2f · allowed up to %.2f x · %s",
                amount(measured), amount(bound), boundName.isBlank() ? "" : " (" + boundName + ")",
                ratio(), slack, holds() ? "holds" : "MISSED on this run"));
        if (Double.isFinite(reference)) {
            out.append(String.format(Locale.ROOT, "%n  reference run %s (%.2f x)", amount(reference),
                    atMost ? reference / bound : bound / reference));
        }
        if (!holds()) {
            out.append("\n  reading: ").append(machineReading());
        }
        return out.toString();
    }

    /**
     * Prints {@link #report()}. Returns nothing, so a cell that ends with {@code show()} shows
     * the report and no echoed value; ask {@link #holds()} for the verdict as a boolean.
     */
    public void show() {
        System.out.println(report());
    }

    /** Returns the cores this JVM may use and the load average, the usual causes of a miss. */
    public static String machineReading() {
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "this JVM may use %d %s; load average %s (a busy or small machine"
                + " stretches times; the mechanism is unchanged)", cores, cores == 1 ? "core" : "cores", loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " over 1 / 5 / 15 min";
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    private String amount(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f %s" : "%.3g %s", value, unit).strip();
    }

    private void requireBound() {
        if (Double.isNaN(bound)) {
            throw new IllegalStateException("claim \"" + statement + "\" has no bound yet: call bound(value, name)");
        }
    }
}
