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

    private static void rejects(UnaryOperator<LabConfig.Builder> change, String... mentions) {
        var e = assertThrows(IllegalArgumentException.class, () -> change.apply(LabConfig.builder()).build());
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
    @DisplayName("negative or missing durations are rejected, naming the setting and the accepted range")
    void rejectsBadDurations() {
        rejects(b -> b.latency(Duration.ofMillis(-1)), "latency", "PT-0.001S", "from 0");
        rejects(b -> b.jitter(Duration.ofMillis(-5)), "jitter");
        rejects(b -> b.stall(Duration.ofSeconds(-1)), "stall");
        rejects(b -> b.latency(null), "latency", "missing");
        rejects(b -> b.latency(Duration.ofHours(1)), "latency", "PT10M");
    }

    @Test
    @DisplayName("negative sizes are rejected, naming the setting")
    void rejectsBadSizes() {
        rejects(b -> b.imageBytes(-1), "imageBytes", "-1");
        rejects(b -> b.pages(0), "pages", "from 1");
        rejects(b -> b.linksPerPage(-2), "linksPerPage");
        rejects(b -> b.maxConcurrent(-1), "maxConcurrent", "0 (no limit)");
    }

    @Test
    @DisplayName("a rate outside 0..1 (or NaN) is rejected, and so are rates summing to more than 1")
    void rejectsBadRates() {
        rejects(b -> b.errorRate(-0.1), "errorRate", "0.0 to 1.0");
        rejects(b -> b.resetRate(1.5), "resetRate");
        rejects(b -> b.stallRate(Double.NaN), "stallRate");
        rejects(b -> b.errorRate(0.5).resetRate(0.4).stallRate(0.2), "at most 1", "0.5 + 0.4 + 0.2");
        assertEquals(1.0, LabConfig.builder().errorRate(0.5).resetRate(0.3).stallRate(0.2).build().errorRate() + 0.5);
    }

    @Test
    @DisplayName("a port outside 0..65535 is rejected")
    void rejectsBadPorts() {
        for (int port : List.of(-1, 65_536, 100_000)) {
            rejects(b -> b.port(port), "port", "0 to 65535", String.valueOf(port));
        }
    }

    @Test
    @DisplayName("toBuilder copies every value, so one can be changed and the rest kept")
    void toBuilderKeepsValues() {
        LabConfig a = LabConfig.builder().latency(Duration.ofMillis(7)).jitter(Duration.ofMillis(3)).seed(9)
                .imageBytes(10).pages(12).linksPerPage(2).errorRate(0.1).resetRate(0.2).stallRate(0.3)
                .stall(Duration.ofSeconds(2)).maxConcurrent(4).port(0).build();
        assertEquals(a, a.toBuilder().build());
        assertEquals(13, a.toBuilder().pages(13).build().pages());
    }
}
