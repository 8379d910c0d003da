package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import tech.tablesaw.api.Table;

/** {@link BenchCharts}: each chart has the expected series and categories, and bad tables are rejected. */
class BenchChartsTest {

    private static final Table RUN = BenchTables.cpuRun("primes", 1000, 520, 540, 600);

    @Test
    @DisplayName("the time chart has the measured median and the bound, one bar per model")
    void timesChart() {
        var chart = BenchCharts.times(RUN);
        assertEquals(Set.of("measured median", "ideal (bound)"), chart.getSeriesMap().keySet());
        var medians = chart.getSeriesMap().get("measured median");
        assertEquals(List.of("sequential", "platform threads ×2", "virtual threads", "worker processes ×2"),
                medians.getXData());
        assertEquals(List.of(1000.0, 520.0, 540.0, 600.0), medians.getYData());
        assertNotNull(BitmapEncoder.getBufferedImage(chart));
    }

    @Test
    @DisplayName("the speed-up chart shows measured and ideal speed-ups")
    void speedupChart() {
        var chart = BenchCharts.speedups(RUN);
        var ideal = chart.getSeriesMap().get("ideal");
        assertEquals(List.of(1.0, 2.0, 2.0, 2.0), ideal.getYData());
        assertEquals(1000.0 / 520, List.copyOf(chart.getSeriesMap().get("measured").getYData()).get(1).doubleValue(), 1e-9);
    }

    @Test
    @DisplayName("the line chart has one line per pool model, starting at (1, 1) when no 1-worker row exists, plus the ideal line")
    void speedupLines() {
        Table sweep = BenchTables.of(new Object[] {"p", "sequential", 1, 1000, 1000},
                new Object[] {"p", "platform threads", 1, 1000, 1000},
                new Object[] {"p", "platform threads", 2, 500, 500},
                new Object[] {"p", "platform threads", 4, 500, 500},
                new Object[] {"p", "virtual threads", 32, 510, 500},
                new Object[] {"p", "worker processes", 2, 550, 500});
        var chart = BenchCharts.speedupLines(sweep);
        assertEquals(Set.of("platform threads", "worker processes", "ideal"), chart.getSeriesMap().keySet());
        var platform = chart.getSeriesMap().get("platform threads");
        assertArrayEquals(new double[] {1, 2, 4}, platform.getXData());
        assertArrayEquals(new double[] {1, 2, 2}, platform.getYData(), 1e-9);
        var processes = chart.getSeriesMap().get("worker processes");
        assertArrayEquals(new double[] {1, 2}, processes.getXData(), "the sequential baseline starts the line");
        assertArrayEquals(new double[] {1, 1000.0 / 550}, processes.getYData(), 1e-9);
        assertArrayEquals(new double[] {1, 2, 4}, chart.getSeriesMap().get("ideal").getXData());
        assertNotNull(BitmapEncoder.getBufferedImage(chart));
    }

    @Test
    @DisplayName("your run vs reference: two series over the models both runs have, the reference's own workload rows")
    void versusReference() {
        Table yours = BenchTables.of(new Object[] {"primes", "sequential", 1, 900, 900},
                new Object[] {"primes", "platform threads", 2, 500, 450},
                new Object[] {"primes", "platform threads", 8, 480, 450});
        Table reference = BenchTables.cpuRun("primes", 1000, 520, 540, 600)
                .append(BenchTables.cpuRun("sha", 10, 5, 5, 5));
        var chart = BenchCharts.versusReference(yours, reference, "median_ms");
        assertEquals(Set.of("your run", "reference (primes)"), chart.getSeriesMap().keySet());
        assertEquals(List.of("sequential", "platform threads ×2"), chart.getSeriesMap().get("your run").getXData());
        assertEquals(List.of(1000.0, 520.0), chart.getSeriesMap().get("reference (primes)").getYData());
    }

    @Test
    @DisplayName("bad input is rejected: another column, a table with several workloads, no shared model, a foreign table")
    void badInputRejected() {
        var column = assertThrows(IllegalArgumentException.class, () -> BenchCharts.versusReference(RUN, RUN, "max_ms"));
        assertEquals("column must be median_ms, speedup or bound_ms, got 'max_ms'", column.getMessage());
        Table two = BenchTables.cpuRun("a", 10, 5, 5, 6).append(BenchTables.cpuRun("b", 8, 4, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> BenchCharts.times(two));
        var several = assertThrows(IllegalArgumentException.class,
                () -> BenchCharts.versusReference(BenchTables.cpuRun("c", 10, 5, 5, 6), two, "speedup"));
        assertTrue(several.getMessage().contains("[a, b]"), several.getMessage());
        Table lonely = BenchTables.of(new Object[] {"a", "sequential", 1, 10, 10});
        Table noSequential = BenchTables.of(new Object[] {"a", "platform threads", 7, 10, 10});
        assertThrows(IllegalArgumentException.class, () -> BenchCharts.versusReference(noSequential, lonely, "speedup"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchCharts.times(Table.create("x", tech.tablesaw.api.StringColumn.create("model"))));
        assertEquals("table must not be null",
                assertThrows(NullPointerException.class, () -> BenchCharts.speedups(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchCharts.speedupLines(lonely));
    }
}
