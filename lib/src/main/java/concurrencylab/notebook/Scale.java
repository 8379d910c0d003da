package concurrencylab.notebook;

import concurrencylab.util.Require;
import java.util.Locale;

/**
 * How big the live runs in a notebook are: {@code quick} for students and CI (each notebook
 * under a minute), {@code full} for an instructor running the lesson's full sizes live.
 *
 * <p>Read from the {@code COURSE_SCALE} environment variable by {@link Lesson#scale()}.
 */
public enum Scale {
    QUICK, FULL;

    /** Returns true for {@link #FULL}. */
    public boolean isFull() {
        return this == FULL;
    }

    /** Picks {@code quick} or {@code full} size: {@code scale.pick(2_000, 200_000)}. */
    public int pick(int quick, int full) {
        return isFull() ? full : quick;
    }

    /**
     * Parses a scale name; blank or null means {@link #QUICK}.
     *
     * @throws IllegalArgumentException if the text is neither {@code quick} nor {@code full}
     */
    public static Scale parse(String text) {
        if (text == null || text.isBlank()) {
            return QUICK;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw Require.invalid("COURSE_SCALE", "'quick' (the default) or 'full'", "'" + text + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
