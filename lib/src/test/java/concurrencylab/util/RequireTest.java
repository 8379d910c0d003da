package concurrencylab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequireTest {

    private static String rejected(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    @Test
    @DisplayName("a value in range comes back unchanged; one outside names the value, the range and what was given")
    void ranges() {
        assertEquals(1, Require.inRange("workers", 1, 1, 64));
        assertEquals(64, Require.inRange("workers", 64, 1, 64));
        assertEquals("workers must be 1 to 64, got 0", rejected(() -> Require.inRange("workers", 0, 1, 64)));
        assertEquals("workers must be 1 to 64, got 65", rejected(() -> Require.inRange("workers", 65, 1, 64)));
        assertEquals("pages must be 1 to 3000000000, got 0", rejected(() -> Require.inRange("pages", 0L, 1, 3_000_000_000L)));
        assertEquals(0.5, Require.inRange("rate", 0.5, 0.0, 1.0));
        assertEquals("rate must be 0.0 to 1.0, got NaN", rejected(() -> Require.inRange("rate", Double.NaN, 0.0, 1.0)));
        assertEquals("repeats must be at least 1, got 0", rejected(() -> Require.atLeast("repeats", 0, 1)));
        assertEquals("millis must be at least 0, got -1", rejected(() -> Require.atLeast("millis", -1L, 0)));
    }

    @Test
    @DisplayName("durations are checked and shown in their largest whole unit")
    void durations() {
        Duration second = Duration.ofSeconds(1);
        assertSame(second, Require.positive("timeout", second));
        assertEquals("timeout must be positive, got 0 s", rejected(() -> Require.positive("timeout", Duration.ZERO)));
        assertEquals("timeout must be 1 ms to 10 min, got 11 min",
                rejected(() -> Require.inRange("timeout", Duration.ofMinutes(11), Duration.ofMillis(1), Duration.ofMinutes(10))));
        assertEquals("1 h", Require.show(Duration.ofHours(1)));
        assertEquals("90 s", Require.show(Duration.ofSeconds(90)));
        assertEquals("1500 ms", Require.show(Duration.ofMillis(1500)));
        assertEquals("-5 ms", Require.show(Duration.ofMillis(-5)));
        assertEquals("PT0.0005S", Require.show(Duration.ofNanos(500_000)));
    }

    @Test
    @DisplayName("null is a NullPointerException naming the parameter, for every check that takes an object")
    void nulls() {
        assertEquals("client must not be null", assertThrows(NullPointerException.class,
                () -> Require.nonNull("client", null)).getMessage());
        assertEquals("timeout must not be null", assertThrows(NullPointerException.class,
                () -> Require.positive("timeout", null)).getMessage());
        assertEquals("title must not be null", assertThrows(NullPointerException.class,
                () -> Require.notBlank("title", null)).getMessage());
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        assertEquals("uris[1] must not be null", assertThrows(NullPointerException.class,
                () -> Require.noNulls("uris", withNull)).getMessage());
    }

    @Test
    @DisplayName("text and collections: blank and empty are refused, good ones come back (a list as a copy)")
    void textAndCollections() {
        assertEquals("title must be a non-blank text, got ' '", rejected(() -> Require.notBlank("title", " ")));
        assertEquals("uris must be non-empty, got []", rejected(() -> Require.notEmpty("uris", List.of())));
        List<String> list = new ArrayList<>(List.of("a", "b"));
        List<String> copy = Require.noNulls("list", list);
        list.add("c");
        assertEquals(List.of("a", "b"), copy);
        assertThrows(UnsupportedOperationException.class, () -> copy.add("d"));
    }

    @Test
    @DisplayName("that and invalid share the one message shape")
    void thatAndInvalid() {
        Require.that(true, "x", "anything", 1);
        assertEquals("maxConcurrent must be 0 (no limit) or positive, got -1",
                rejected(() -> Require.that(false, "maxConcurrent", "0 (no limit) or positive", -1)));
        assertEquals("COURSE_SCALE must be 'quick' or 'full', got 'huge'",
                Require.invalid("COURSE_SCALE", "'quick' or 'full'", "'huge'").getMessage());
    }
}
