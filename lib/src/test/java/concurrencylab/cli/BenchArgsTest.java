package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link BenchArgs}: defaults, a later --out wins, bad values named with the accepted range. */
class BenchArgsTest {

    private static final BenchArgs.Option RUNS = new BenchArgs.Option("--runs", 5, 1, 100, "timed runs");

    @Test
    @DisplayName("defaults apply, and a later --out overrides an earlier one (the course script passes its own first)")
    void defaultsAndLaterOutWins() {
        BenchArgs a = BenchArgs.parse(new String[] {"--out", "build/bench", "--out", "datasets/reference"}, RUNS);
        assertEquals(Path.of("datasets/reference"), a.out());
        assertEquals(5, a.get("--runs"));
        assertEquals(7, BenchArgs.parse(new String[] {"--runs", "7"}, RUNS).get("--runs"));
        assertTrue(BenchArgs.parse(new String[] {"--help"}, RUNS).help());
    }

    @Test
    @DisplayName("an out-of-range number, a non-number, a missing value and an unknown option are rejected clearly")
    void badValuesRejected() {
        var range = assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--runs", "0"}, RUNS));
        assertTrue(range.getMessage().contains("--runs '0'") && range.getMessage().contains("1..100"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--runs", "five"}, RUNS));
        assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--runs"}, RUNS));
        assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--out"}, RUNS));
        var unknown = assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--fast"}, RUNS));
        assertTrue(unknown.getMessage().contains("--fast") && unknown.getMessage().contains("--runs N"), unknown.getMessage());
        assertTrue(BenchArgs.usage("cpu", RUNS).contains("--runs N"));
    }
}
