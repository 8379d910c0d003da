package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link BenchStats}, the one place the lab computes its medians and quantiles. */
class BenchStatsTest {

    @Test
    @DisplayName("median takes the middle value, or the mean of the two middle values")
    void medianIsTheMiddle() {
        assertEquals(2.0, BenchStats.median(3, 1, 2));
        assertEquals(2.5, BenchStats.median(4, 1, 3, 2));
        assertEquals(2.5, BenchStats.median(4, 1, 2, 3));
        BenchStats s = BenchStats.of(4, 1, 3, 2);
        assertEquals(new BenchStats(2.5, 1, 4, 4), s);
    }

    @Test
    @DisplayName("durations: the median rounds to the nanosecond; the quantile is by nearest rank")
    void durations() {
        List<Duration> ms = List.of(Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(20));
        assertEquals(Duration.ofMillis(20), BenchStats.median(ms));
        assertEquals(Duration.ofMillis(15), BenchStats.median(List.of(Duration.ofMillis(10), Duration.ofMillis(20))));
        assertEquals(Duration.ofMillis(10), BenchStats.quantile(0, ms));
        assertEquals(Duration.ofMillis(20), BenchStats.quantile(0.5, ms));
        assertEquals(Duration.ofMillis(40), BenchStats.quantile(0.95, ms));
        assertEquals(Duration.ofMillis(40), BenchStats.quantile(1, ms));
    }

    @Test
    @DisplayName("no values, NaN, a null duration or a quantile outside 0..1 are rejected with what was wrong")
    void badInputRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchStats.median())
                .getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchStats.of(1, Double.NaN))
                .getMessage().contains("must be numbers"));
        java.util.ArrayList<Duration> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> BenchStats.median(withNull));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchStats.quantile(1.5, List.of(Duration.ZERO)))
                .getMessage().contains("between 0 and 1"));
    }
}
