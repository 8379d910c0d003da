package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The charts: the series they promise, with the runs' values. */
class HybridChartsTest {

    @Test
    @DisplayName("the variants chart has the measured bars and one line per bound, at the bound's value")
    void variantsChart() {
        var runs = List.of(Synthetic.run(HybridVariant.SAME_VIRTUAL_THREAD, 6, 1000),
                Synthetic.run(HybridVariant.CPU_POOL, 6, 800));
        var bounds = new HybridBounds(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(400),
                Duration.ofMillis(1200), 6, 4, 2);
        var chart = HybridCharts.variants(runs, bounds);
        assertEquals(3, chart.getSeriesMap().size());
        var measured = chart.getSeriesMap().get("measured");
        assertEquals(List.of(1.0, 0.8), measured.getYData().stream().map(Number::doubleValue).toList());
        var io = chart.getSeriesMap().keySet().stream().filter(k -> k.startsWith("I/O")).findFirst().orElseThrow();
        assertTrue(chart.getSeriesMap().get(io).getYData().stream().allMatch(y -> y.doubleValue() == 0.3));
        assertThrows(IllegalArgumentException.class, () -> HybridCharts.variants(List.of(), bounds));
    }

    @Test
    @DisplayName("the depth chart has one step line per pipeline run, starting at zero and reaching its max depth")
    void depthChart() {
        var chart = HybridCharts.depth(Synthetic.pipeline(4, 1, 4, 2), Synthetic.pipeline(100, 5, 60));
        assertEquals(2, chart.getSeriesMap().size());
        var tight = chart.getSeriesMap().get("capacity 4 (1 hasher, 4 fetchers)");
        assertNotNull(tight, chart.getSeriesMap().keySet().toString());
        assertEquals(0.0, tight.getYData()[0]);
        assertEquals(4.0, java.util.Arrays.stream(tight.getYData()).max().orElseThrow());
        assertThrows(IllegalArgumentException.class, HybridCharts::depth);
    }
}
