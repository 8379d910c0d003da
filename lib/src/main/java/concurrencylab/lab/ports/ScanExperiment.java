package concurrencylab.lab.ports;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.scan.PortScanner;
import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanResult;
import concurrencylab.scan.ScanVariant;

import java.time.Duration;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Small experiments for the notebook: the three scanner variants side by side, and how the
 * concurrency limit and the per-connect timeout change a scan's result and time.
 *
 * {@snippet :
 * Table grid = ScanExperiment.limitsAndTimeouts(ScanRequest.loopback("1-1024"), List.of(1, 10, 100),
 *         List.of(Duration.ofMillis(50), Duration.ofMillis(200)));
 * XYChart chart = ScanExperiment.chart(grid);
 * }
 *
 * <p>Stateless; each call runs its scans one after another on the calling thread's behalf.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class ScanExperiment {
    private ScanExperiment() {
    }

    /**
     * Runs every variant {@code runs} times on {@code request}; returns one row per variant with
     * the open ports found and the median, fastest and slowest time in seconds.
     *
     * @throws IllegalArgumentException if {@code runs} is outside 1..20
     * @throws InterruptedException if interrupted between or during scans
     */
    public static Table compareVariants(ScanRequest request, int runs) throws InterruptedException {
        if (runs < 1 || runs > 20) {
            throw new IllegalArgumentException("runs " + runs + " is out of range; accepted: 1..20");
        }
        Table table = Table.create("variants", StringColumn.create("variant"), StringColumn.create("open ports"),
                DoubleColumn.create("median s"), DoubleColumn.create("min s"), DoubleColumn.create("max s"));
        for (ScanVariant variant : ScanVariant.values()) {
            PortScanner scanner = variant.scanner();
            double[] seconds = new double[runs];
            List<Integer> open = List.of();
            for (int i = 0; i < runs; i++) {
                ScanResult r = scanner.scan(request);
                seconds[i] = r.elapsed().toNanos() / 1e9;
                open = r.open();
            }
            BenchStats stats = BenchStats.of(seconds); // in seconds: the statistics keep the unit
            table.stringColumn(0).append(scanner.variant());
            table.stringColumn(1).append(open.toString());
            table.doubleColumn(2).append(round(stats.medianMs()));
            table.doubleColumn(3).append(round(stats.minMs()));
            table.doubleColumn(4).append(round(stats.maxMs()));
        }
        return table;
    }

    /**
     * Scans {@code request}'s ports once per limit and timeout (with the main scanner); returns
     * one row per pair: limit, timeout in ms, open, filtered and closed counts, seconds.
     *
     * @throws IllegalArgumentException if a list is empty or a limit or timeout is out of range
     * @throws InterruptedException if interrupted between or during scans
     */
    public static Table limitsAndTimeouts(ScanRequest request, List<Integer> limits, List<Duration> timeouts)
            throws InterruptedException {
        if (limits.isEmpty() || timeouts.isEmpty()) {
            throw new IllegalArgumentException("give at least one limit and one timeout");
        }
        Table table = Table.create("limit x timeout", IntColumn.create("limit"), IntColumn.create("timeout ms"),
                IntColumn.create("open"), IntColumn.create("filtered"), IntColumn.create("closed"),
                DoubleColumn.create("seconds"));
        PortScanner scanner = PortScanner.structured();
        for (Duration timeout : timeouts) {
            for (int limit : limits) {
                ScanResult r = scanner.scan(request.withLimit(limit).withTimeout(timeout));
                table.intColumn(0).append(limit);
                table.intColumn(1).append((int) timeout.toMillis());
                table.intColumn(2).append(r.open().size());
                table.intColumn(3).append(r.filtered().size());
                table.intColumn(4).append(r.closed());
                table.doubleColumn(5).append(round(r.elapsed().toNanos() / 1e9));
            }
        }
        return table;
    }

    /** Returns a chart of seconds against the limit (log scale), one line per timeout, from {@link #limitsAndTimeouts}. */
    public static XYChart chart(Table grid) {
        XYChart chart = new XYChartBuilder().width(720).height(380)
                .title("Scan time by concurrency limit and connect timeout")
                .xAxisTitle("limit (connects in flight)").yAxisTitle("seconds").build();
        chart.getStyler().setXAxisLogarithmic(true);
        for (int timeout : grid.intColumn("timeout ms").unique().asList()) {
            Table rows = grid.where(grid.intColumn("timeout ms").isEqualTo(timeout));
            chart.addSeries("timeout " + timeout + " ms", rows.intColumn("limit").asDoubleArray(),
                    rows.doubleColumn("seconds").asDoubleArray());
        }
        return chart;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10_000) / 10_000.0;
    }
}
