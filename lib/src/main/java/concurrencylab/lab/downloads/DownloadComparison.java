package concurrencylab.lab.downloads;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.Table;

/**
 * Downloads set side by side with their bounds: each report's measured time beside
 * {@code latency x ceil(downloads / concurrency)}, the least time that concurrency allows.
 *
 * {@snippet :
 * var times = new DownloadComparison(Duration.ofMillis(100));
 * times.add(poolReport, 20);       // a pool of 20 threads: at most 20 in flight
 * times.add(virtualReport, 200);   // all at once
 * times.toTable();                 // engine, downloads, concurrency, measured s, bound s, ratio
 * times.toChart();
 * }
 *
 * <p>Not thread-safe: fill it from one thread (a notebook's cells). Introduced in notebook
 * {@code 07.2-Executors}.
 */
public final class DownloadComparison {
    private final Duration latency;
    private final List<Row> rows = new ArrayList<>();

    /**
     * One download beside its bound.
     *
     * @param report      the download
     * @param concurrency the most requests it had in flight
     * @param bound       {@code latency x ceil(downloads / concurrency)}: the least time that allows
     */
    public record Row(DownloadReport report, int concurrency, Duration bound) {
        /** Returns the measured wall-clock time of the download. */
        public Duration measured() {
            return report.elapsed();
        }

        /** Returns measured / bound: 1.0 is as fast as the concurrency allows. */
        public double ratio() {
            return (double) measured().toNanos() / bound.toNanos();
        }
    }

    /**
     * Starts an empty comparison for a server with {@code latency}.
     *
     * @throws NullPointerException     if {@code latency} is null
     * @throws IllegalArgumentException if {@code latency} is not positive
     */
    public DownloadComparison(Duration latency) {
        this.latency = Require.positive("latency", latency);
    }

    /**
     * Adds a download that had at most {@code concurrency} requests in flight; returns this.
     *
     * @throws NullPointerException     if {@code report} is null
     * @throws IllegalArgumentException if {@code concurrency < 1}
     */
    public DownloadComparison add(DownloadReport report, int concurrency) {
        Require.nonNull("report", report);
        Require.atLeast("concurrency", concurrency, 1);
        int n = report.outcomes().size();
        int c = Math.min(concurrency, Math.max(1, n));
        rows.add(new Row(report, concurrency, latency.multipliedBy((n + c - 1) / c)));
        return this;
    }

    /** Returns the downloads added so far, in order, each with its bound. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Returns one row per download: engine, downloads, ok, concurrency, measured s, bound s, measured / bound. */
    public Table toTable() {
        return RowTable.of(rows)
                .text("engine", r -> r.report().engine())
                .ints("downloads", r -> r.report().outcomes().size())
                .ints("ok", r -> r.report().okCount())
                .ints("in flight at most", Row::concurrency)
                .seconds("measured s", Row::measured)
                .seconds("bound s", Row::bound)
                .doubles("measured / bound", r -> Math.round(1000.0 * r.ratio()) / 1000.0)
                .toTable("Downloads at " + latency.toMillis() + " ms latency");
    }

    /** Returns measured and bound seconds per engine as grouped bars. */
    public CategoryChart toChart() {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(400)
                .title("Measured time against the bound latency x ceil(N / in flight)")
                .xAxisTitle("engine").yAxisTitle("seconds").build();
        List<String> names = new ArrayList<>();
        List<Number> measured = new ArrayList<>();
        List<Number> bounds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            names.add((i + 1) + ". " + rows.get(i).report().engine());
            measured.add(rows.get(i).measured().toNanos() / 1e9);
            bounds.add(rows.get(i).bound().toNanos() / 1e9);
        }
        if (names.isEmpty()) {
            names.add("(nothing yet)");
            measured.add(0);
            bounds.add(0);
        }
        chart.getStyler().setXAxisLabelRotation(15);
        chart.addSeries("measured", names, measured);
        chart.addSeries("bound", names, bounds);
        return chart;
    }
}
