package concurrencylab.util;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The library's preconditions, all with one message shape: what was wrong and what is accepted.
 *
 * {@snippet :
 * Require.inRange("workers", 0, 1, 64);              // IllegalArgumentException: workers must be 1 to 64, got 0
 * Require.positive("timeout", Duration.ZERO);        // IllegalArgumentException: timeout must be positive, got 0 s
 * Require.nonNull("client", null);                   // NullPointerException: client must not be null
 * Require.that(rate <= 1, "errorRate + resetRate", "at most 1", rate);
 * }
 *
 * <p>Every check returns the value it checked, so a constructor or a {@code with} method can
 * check and assign in one expression. A bad value is an {@link IllegalArgumentException} whose
 * message reads {@code "<name> must be <accepted>, got <value>"}; a missing (null) one is a
 * {@link NullPointerException} whose message reads {@code "<name> must not be null"}. Durations
 * are shown in the largest whole unit ({@code 10 min}, {@code 1 ms}), see {@link #show(Duration)}.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class Require {

    private Require() {
    }

    /**
     * Returns {@code value} if it is not null.
     *
     * @throws NullPointerException naming {@code name} if {@code value} is null
     */
    public static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is within {@code min..max} (both included).
     *
     * @throws IllegalArgumentException such as {@code "workers must be 1 to 64, got 0"}
     */
    public static int inRange(String name, int value, int min, int max) {
        return (int) inRange(name, (long) value, min, max);
    }

    /**
     * Returns {@code value} if it is within {@code min..max} (both included).
     *
     * @throws IllegalArgumentException such as {@code "pages must be 1 to 1000000, got 0"}
     */
    public static long inRange(String name, long value, long min, long max) {
        that(value >= min && value <= max, name, min + " to " + max, value);
        return value;
    }

    /**
     * Returns {@code value} if it is a number within {@code min..max} (both included; NaN is not).
     *
     * @throws IllegalArgumentException such as {@code "errorRate must be 0.0 to 1.0, got 1.5"}
     */
    public static double inRange(String name, double value, double min, double max) {
        that(value >= min && value <= max, name, min + " to " + max, value);
        return value;
    }

    /**
     * Returns {@code value} if it is {@code min} or more.
     *
     * @throws IllegalArgumentException such as {@code "repeats must be at least 1, got 0"}
     */
    public static int atLeast(String name, int value, int min) {
        return (int) atLeast(name, (long) value, min);
    }

    /**
     * Returns {@code value} if it is {@code min} or more.
     *
     * @throws IllegalArgumentException such as {@code "millis must be at least 0, got -1"}
     */
    public static long atLeast(String name, long value, long min) {
        that(value >= min, name, "at least " + min, value);
        return value;
    }

    /**
     * Returns {@code value} if it is longer than zero.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException such as {@code "timeout must be positive, got 0 s"}
     */
    public static Duration positive(String name, Duration value) {
        nonNull(name, value);
        that(value.isPositive(), name, "positive", show(value));
        return value;
    }

    /**
     * Returns {@code value} if it is within {@code min..max} (both included).
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException such as {@code "timeout must be 1 ms to 10 min, got 0 s"}
     */
    public static Duration inRange(String name, Duration value, Duration min, Duration max) {
        nonNull(name, value);
        that(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, name, show(min) + " to " + show(max),
                show(value));
        return value;
    }

    /**
     * Returns {@code value} if it holds a non-whitespace character.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException such as {@code "title must be a non-blank text, got ' '"}
     */
    public static String notBlank(String name, String value) {
        nonNull(name, value);
        that(!value.isBlank(), name, "a non-blank text", "'" + value + "'");
        return value;
    }

    /**
     * Returns {@code value} if it holds at least one element.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException such as {@code "uris must be non-empty, got []"}
     */
    public static <C extends Collection<?>> C notEmpty(String name, C value) {
        nonNull(name, value);
        that(!value.isEmpty(), name, "non-empty", value);
        return value;
    }

    /**
     * Returns an unmodifiable copy of {@code list} if it is not null and holds no null.
     *
     * @throws NullPointerException such as {@code "uris[2] must not be null"}
     */
    public static <T> List<T> noNulls(String name, List<T> list) {
        nonNull(name, list);
        for (int i = 0; i < list.size(); i++) {
            nonNull(name + "[" + i + "]", list.get(i));
        }
        return List.copyOf(list);
    }

    /**
     * Checks a condition the other methods do not cover.
     *
     * @param ok       whether the value is accepted
     * @param name     what the value is, e.g. {@code "maxConcurrent"}
     * @param accepted what is accepted, e.g. {@code "0 (no limit) or positive"}
     * @param got      the value given, shown after {@code got}
     * @throws IllegalArgumentException {@code "<name> must be <accepted>, got <got>"} unless {@code ok}
     */
    public static void that(boolean ok, String name, String accepted, Object got) {
        if (!ok) {
            throw invalid(name, accepted, got);
        }
    }

    /**
     * Returns the exception {@link #that} throws, for a caller that has a cause to attach or
     * decides by itself: {@code "<name> must be <accepted>, got <got>"}.
     */
    public static IllegalArgumentException invalid(String name, String accepted, Object got) {
        return new IllegalArgumentException(name + " must be " + accepted + ", got " + got);
    }

    /**
     * Shows a duration in its largest whole unit: {@code 0 s}, {@code 250 ms}, {@code 5 s},
     * {@code 10 min}, {@code 1 h}; a duration that is not a whole number of milliseconds is
     * shown as {@link Duration#toString()} ({@code PT0.0005S}). Null is shown as {@code null}.
     */
    public static String show(Duration d) {
        if (d == null) {
            return "null";
        }
        if (d.isZero()) {
            return "0 s";
        }
        if (d.toNanosPart() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
