package concurrencylab.lab.downloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
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
    private final List<DownloadReport> reports = new ArrayList<>();
    private final List<Integer> concurrencies = new ArrayList<>();

    /**
     * Starts an empty comparison for a server with {@code latency}.
     *
     * @throws IllegalArgumentException if {@code latency} is null or not positive
     */
    public DownloadComparison(Duration latency) {
        if (latency == null || latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("latency must be positive (the server's latency), was " + latency);
        }
        this.latency = latency;
    }

    /**
     * Adds a download that had at most {@code concurrency} requests in flight; returns this.
     *
     * @throws IllegalArgumentException if {@code report} is null or {@code concurrency < 1}
     */
    public DownloadComparison add(DownloadReport report, int concurrency) {
        if (report == null || concurrency < 1) {
            throw new IllegalArgumentException("give a report and its concurrency (at least 1), got " + report + ", " + concurrency);
        }
        reports.add(report);
        concurrencies.add(concurrency);
        return this;
    }

    /** Returns the bound of row {@code i}: latency x ceil(downloads / concurrency). */
    Duration bound(int i) {
        int n = reports.get(i).outcomes().size();
        int c = Math.min(concurrencies.get(i), Math.max(1, n));
        return latency.multipliedBy((n + c - 1) / c);
    }

    /** Returns one row per download: engine, downloads, ok, concurrency, measured s, bound s, measured / bound. */
    public Table toTable() {
        StringColumn engine = StringColumn.create("engine");
        IntColumn downloads = IntColumn.create("downloads");
        IntColumn ok = IntColumn.create("ok");
        IntColumn concurrency = IntColumn.create("in flight at most");
        DoubleColumn measured = DoubleColumn.create("measured s");
        DoubleColumn bound = DoubleColumn.create("bound s");
        DoubleColumn ratio = DoubleColumn.create("measured / bound");
        for (int i = 0; i < reports.size(); i++) {
            DownloadReport r = reports.get(i);
            engine.append(r.engine());
            downloads.append(r.outcomes().size());
            ok.append(r.okCount());
            concurrency.append(concurrencies.get(i));
            measured.append(round(r.elapsed().toNanos() / 1e9));
            bound.append(round(bound(i).toNanos() / 1e9));
            ratio.append(round((double) r.elapsed().toNanos() / bound(i).toNanos()));
        }
        return Table.create("Downloads at " + latency.toMillis() + " ms latency", engine, downloads, ok, concurrency,
                measured, bound, ratio);
    }

    /** Returns measured and bound seconds per engine as grouped bars. */
    public CategoryChart toChart() {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(400)
                .title("Measured time against the bound latency x ceil(N / in flight)")
                .xAxisTitle("engine").yAxisTitle("seconds").build();
        List<String> names = new ArrayList<>();
        List<Number> measured = new ArrayList<>();
        List<Number> bounds = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            names.add((i + 1) + ". " + reports.get(i).engine());
            measured.add(reports.get(i).elapsed().toNanos() / 1e9);
            bounds.add(bound(i).toNanos() / 1e9);
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

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
