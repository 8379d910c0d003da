package concurrencylab.lab.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import concurrencylab.tasks.ExecutionSite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DownloadComparisonTest {

    private static DownloadReport report(int n, long millis) {
        List<DownloadOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new DownloadOutcome(URI.create("http://127.0.0.1:1/img/" + i), 200, 10,
                    Duration.ofMillis(100), new ExecutionSite(1, "t", false, ""), ""));
        }
        return new DownloadReport("test", outcomes, Duration.ofMillis(millis));
    }

    @Test
    @DisplayName("the bound is latency x ceil(downloads / concurrency), and the ratio is measured over it")
    void boundAndRatio() {
        var c = new DownloadComparison(Duration.ofMillis(100)).add(report(200, 1100), 20).add(report(200, 150), 200)
                .add(report(10, 100), 50);
        var t = c.toTable();
        assertEquals(List.of(1.0, 0.1, 0.1), t.doubleColumn("bound s").asList());
        assertEquals(List.of(1.1, 1.5, 1.0), t.doubleColumn("measured / bound").asList());
        assertEquals(2, c.toChart().getSeriesMap().size());
        assertEquals(Duration.ofSeconds(1), c.rows().get(0).bound());
        assertEquals(1.5, c.rows().get(1).ratio(), 1e-9);
    }

    @Test
    @DisplayName("a missing report, a concurrency below 1 or a non-positive latency is rejected")
    void rejectsBadInput() {
        assertEquals("latency must be positive, got 0 s",
                assertThrows(IllegalArgumentException.class, () -> new DownloadComparison(Duration.ZERO)).getMessage());
        var c = new DownloadComparison(Duration.ofMillis(1));
        assertEquals("report must not be null", assertThrows(NullPointerException.class, () -> c.add(null, 1)).getMessage());
        assertEquals("concurrency must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> c.add(report(1, 1), 0)).getMessage());
    }
}
