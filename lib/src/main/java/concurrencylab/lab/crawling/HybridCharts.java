package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts of hybrid crawls and pipelines, for notebook {@code 07.4-Hybrid-Crawler}
 * (a chart as a cell's value renders as a PNG there).
 *
 * {@snippet :
 * HybridCharts.variants(runs, bounds);   // bars: seconds per variant; lines: I/O and CPU bounds
 * HybridCharts.depth(tight, loose);      // queue depth over time, one line per pipeline run
 * }
 * <p>Thread safety: stateless; each call builds a new chart.
 */
public final class HybridCharts {

    private HybridCharts() {
    }

    /**
     * Returns a bar chart of each run's seconds, with the I/O bound and the CPU bound drawn as
     * lines across the bars.
     *
     * @throws NullPointerException     if {@code runs} or {@code bounds} is null
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    public static CategoryChart variants(List<HybridRun> runs, HybridBounds bounds) {
        Require.notEmpty("runs", runs);
        Require.nonNull("bounds", bounds);
        CategoryChart chart = new CategoryChartBuilder().width(760).height(400)
                .title("Hybrid crawl of " + bounds.pages() + " pages: where the hashing runs")
                .xAxisTitle("variant").yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setOverlapped(true);
        List<String> labels = runs.stream().map(r -> r.variant().label()).toList();
        chart.addSeries("measured", labels, runs.stream().map(r -> r.elapsed().toNanos() / 1e9).toList());
        bound(chart, "I/O bound (latency × rounds of requests)", labels, bounds.ioBound().toNanos() / 1e9);
        bound(chart, "CPU bound (sequential hashing / cores)", labels, bounds.cpuBound().toNanos() / 1e9);
        return chart;
    }

    private static void bound(CategoryChart chart, String name, List<String> labels, double seconds) {
        CategorySeries s = chart.addSeries(name, labels, new ArrayList<>(Collections.nCopies(labels.size(), seconds)));
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Returns the queue depth against time, one step line per pipeline run, named by capacity.
     *
     * @throws IllegalArgumentException if no run is given
     */
    public static XYChart depth(PipelineRun... runs) {
        Require.that(runs != null && runs.length > 0, "runs", "at least one pipeline run", "none");
        XYChart chart = new XYChartBuilder().width(760).height(400)
                .title("Queue depth over time: a bounded queue pushes back")
                .xAxisTitle("milliseconds since start").yAxisTitle("pages waiting in the queue").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (PipelineRun run : runs) {
            List<Double> x = new ArrayList<>(List.of(0.0));
            List<Integer> y = new ArrayList<>(List.of(0));
            for (DepthSample s : run.depth()) {
                x.add(s.millis());
                y.add(y.getLast()); // hold the previous depth until this moment: a step line
                x.add(s.millis());
                y.add(s.depth());
            }
            XYSeries series = chart.addSeries("capacity " + run.capacity() + " (" + plural(run.consumers(), "hasher")
                    + ", " + plural(run.producers(), "fetcher") + ")", x, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
