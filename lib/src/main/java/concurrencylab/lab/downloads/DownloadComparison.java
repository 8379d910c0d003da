package concurrencylab.lab.downloads;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
    private final List<DownloadReport> reports = new ArrayList<>();
    private final List<Integer> concurrencies = new ArrayList<>();

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
        reports.add(Require.nonNull("report", report));
        Require.atLeast("concurrency", concurrency, 1);
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
        return RowTable.of(IntStream.range(0, reports.size()).boxed().toList())
                .text("engine", i -> reports.get(i).engine())
                .ints("downloads", i -> reports.get(i).outcomes().size())
                .ints("ok", i -> reports.get(i).okCount())
                .ints("in flight at most", concurrencies::get)
                .seconds("measured s", i -> reports.get(i).elapsed())
                .seconds("bound s", this::bound)
                .doubles("measured / bound", i -> Math.round(1000.0 * reports.get(i).elapsed().toNanos()
                        / bound(i).toNanos()) / 1000.0)
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
}
