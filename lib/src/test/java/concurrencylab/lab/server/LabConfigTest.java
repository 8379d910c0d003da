package concurrencylab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LabConfigTest {

    private static void rejects(UnaryOperator<LabConfig> change, String... mentions) {
        var e = assertThrows(IllegalArgumentException.class, () -> change.apply(LabConfig.DEFAULTS));
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), () -> "'" + e.getMessage() + "' should mention '" + m + "'");
        }
    }

    @Test
    @DisplayName("the defaults are no delay, 20 KiB images, 100 pages of 5 links, no faults, no limit, a free port")
    void defaults() {
        LabConfig d = LabConfig.DEFAULTS;
        assertEquals(Duration.ZERO, d.latency());
        assertEquals(Duration.ZERO, d.jitter());
        assertEquals(20 * 1024, d.imageBytes());
        assertEquals(100, d.pages());
        assertEquals(5, d.linksPerPage());
        assertEquals(0.0, d.errorRate() + d.resetRate() + d.stallRate());
        assertEquals(0, d.maxConcurrent());
        assertEquals(0, d.port());
    }

    @Test
    @DisplayName("negative, too long or missing durations are rejected, naming the setting and the accepted range")
    void rejectsBadDurations() {
        rejects(b -> b.withLatency(Duration.ofMillis(-1)), "latency must be 0 s to 10 min, got -1 ms");
        rejects(b -> b.withJitter(Duration.ofMillis(-5)), "jitter", "got -5 ms");
        rejects(b -> b.withStall(Duration.ofSeconds(-1)), "stall must be 0 s to 1 h");
        var missing = assertThrows(NullPointerException.class, () -> LabConfig.DEFAULTS.withLatency(null));
        assertEquals("latency must not be null", missing.getMessage());
        rejects(b -> b.withLatency(Duration.ofHours(1)), "latency", "10 min", "got 1 h");
    }

    @Test
    @DisplayName("negative sizes are rejected, naming the setting")
    void rejectsBadSizes() {
        rejects(b -> b.withImageBytes(-1), "imageBytes", "got -1");
        rejects(b -> b.withPages(0), "pages must be 1 to 1000000, got 0");
        rejects(b -> b.withLinksPerPage(-2), "linksPerPage");
        rejects(b -> b.withMaxConcurrent(-1), "maxConcurrent", "0 (no limit)");
    }

    @Test
    @DisplayName("a rate outside 0..1 (or NaN) is rejected, and so are rates summing to more than 1")
    void rejectsBadRates() {
        rejects(b -> b.withErrorRate(-0.1), "errorRate", "0.0 to 1.0");
        rejects(b -> b.withResetRate(1.5), "resetRate");
        rejects(b -> b.withStallRate(Double.NaN), "stallRate");
        rejects(b -> b.withErrorRate(0.5).withResetRate(0.4).withStallRate(0.2), "at most 1", "0.5 + 0.4 + 0.2");
        assertEquals(1.0, LabConfig.DEFAULTS.withErrorRate(0.5).withResetRate(0.3).withStallRate(0.2).errorRate() + 0.5);
    }

    @Test
    @DisplayName("a port outside 0..65535 is rejected")
    void rejectsBadPorts() {
        for (int port : List.of(-1, 65_536, 100_000)) {
            rejects(b -> b.withPort(port), "port", "0 to 65535", String.valueOf(port));
        }
    }

    @Test
    @DisplayName("each with method changes its one value and keeps every other")
    void withKeepsValues() {
        LabConfig a = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(7)).withJitter(Duration.ofMillis(3)).withSeed(9)
                .withImageBytes(10).withPages(12).withLinksPerPage(2).withErrorRate(0.1).withResetRate(0.2)
                .withStallRate(0.3).withStall(Duration.ofSeconds(2)).withMaxConcurrent(4).withPort(0);
        assertEquals(new LabConfig(Duration.ofMillis(7), Duration.ofMillis(3), 9, 10, 12, 2, 0.1, 0.2, 0.3,
                Duration.ofSeconds(2), 4, 0), a);
        assertEquals(a, a.withPages(12));
        LabConfig b = a.withPages(13);
        assertEquals(13, b.pages());
        assertEquals(a, b.withPages(12));
    }
}
