package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * The result of one crawl: every scheduled page's {@link CrawlOutcome}, in completion order.
 *
 * {@snippet :
 * CrawlReport report = AsyncCrawler.create().crawl(server.pageUri(0), CrawlOptions.pages(30));
 * System.out.println(report.summary());   // 30 pages in ... ms: 30 ok, or the failures by status
 * report.orderTable(10);                   // completed #, submitted #, page, ms
 * }
 *
 * <p>Each scheduled page appears exactly once: fetched, failed with its cause, or cut off by
 * the deadline. Immutable, so safe to share between threads. Introduced in notebook
 * {@code 07.3-Async-Model}.
 *
 * @param crawler     which crawler produced it, e.g. {@code "async (CompletableFuture)"}
 * @param start       the start page
 * @param options     the limits the crawl ran with
 * @param outcomes    one per scheduled page, in completion order
 * @param elapsed     from the start of the crawl until the last outcome (or the deadline)
 * @param deadlineHit whether the overall deadline cut the crawl short
 */
public record CrawlReport(String crawler, URI start, CrawlOptions options, List<CrawlOutcome> outcomes,
                          Duration elapsed, boolean deadlineHit) {

    /** Copies the outcomes so the record stays immutable. */
    public CrawlReport {
        Require.nonNull("crawler", crawler);
        Require.nonNull("start", start);
        Require.nonNull("options", options);
        outcomes = List.copyOf(outcomes);
        Require.nonNull("elapsed", elapsed);
    }

    /** Returns the outcomes in the order the pages were scheduled. */
    public List<CrawlOutcome> inSubmissionOrder() {
        return outcomes.stream().sorted(Comparator.comparingInt(CrawlOutcome::submitted)).toList();
    }

    /** Returns how many pages ended in each status (statuses that never occurred are left out). */
    public Map<CrawlStatus, Integer> counts() {
        Map<CrawlStatus, Integer> counts = new EnumMap<>(CrawlStatus.class);
        for (CrawlOutcome o : outcomes) {
            counts.merge(o.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** Returns how many pages were fetched with HTTP 200. */
    public int ok() {
        return counts().getOrDefault(CrawlStatus.OK, 0);
    }

    /** Returns the pages that did not end {@link CrawlStatus#OK}, in completion order. */
    public List<CrawlOutcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** Returns whether the pages finished in a different order from the one they were scheduled in. */
    public boolean completionDiffersFromSubmission() {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).submitted() != i + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns how many link levels the crawl spans: 1 for the start page alone, 2 if every other
     * page is linked from it, and so on (shortest paths over the links found). A page at level
     * {@code k} cannot finish before {@code k} round trips, whatever the concurrency.
     */
    public int levels() {
        Map<URI, CrawlOutcome> byUri = new java.util.HashMap<>();
        outcomes.forEach(o -> byUri.put(o.uri(), o));
        Map<URI, Integer> level = new java.util.HashMap<>();
        java.util.ArrayDeque<URI> queue = new java.util.ArrayDeque<>();
        if (byUri.containsKey(start)) {
            level.put(start, 1);
            queue.add(start);
        }
        int deepest = 0;
        while (!queue.isEmpty()) {
            URI u = queue.poll();
            int k = level.get(u);
            deepest = Math.max(deepest, k);
            for (URI link : byUri.get(u).links()) {
                if (byUri.containsKey(link) && !level.containsKey(link)) {
                    level.put(link, k + 1);
                    queue.add(link);
                }
            }
        }
        return deepest;
    }

    /** Returns a one-line summary, e.g. {@code async: 30 pages in N ms: 28 ok, 2 timeout}. */
    public String summary() {
        StringBuilder b = new StringBuilder(crawler).append(": ").append(outcomes.size()).append(" pages in ")
                .append(elapsed.toMillis()).append(" ms:");
        String sep = " ";
        for (var e : counts().entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
            sep = ", ";
        }
        return b.append(deadlineHit ? " (deadline hit)" : "").toString();
    }

    /**
     * Returns the first {@code rows} outcomes in completion order beside their submission rank,
     * with when each was sent and finished.
     *
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public Table orderTable(int rows) {
        Require.atLeast("rows", rows, 1);
        return table(outcomes.subList(0, Math.min(rows, outcomes.size())),
                crawler + ": the first " + Math.min(rows, outcomes.size()) + " pages to finish");
    }

    /**
     * Returns a scatter chart of completion rank against submission rank, one dot per page: on
     * the diagonal a page finished in the order it was sent; off it, the jitter overtook it.
     */
    public XYChart orderChart() {
        XYChart chart = new XYChartBuilder().width(640).height(400)
                .title(crawler + ": order of completion vs order of submission")
                .xAxisTitle("submitted #").yAxisTitle("completed #").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        int n = Math.max(1, outcomes.size());
        XYSeries diagonal = chart.addSeries("in order", new double[] {1, n}, new double[] {1, n});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        if (!outcomes.isEmpty()) {
            chart.addSeries("pages", outcomes.stream().map(o -> (Number) o.submitted()).toList(),
                    outcomes.stream().map(o -> (Number) o.completed()).toList());
        }
        return chart;
    }

    /** Returns the pages that failed, with their cause, in completion order. */
    public Table failureTable() {
        return table(failures(), crawler + ": failures");
    }

    private static Table table(List<CrawlOutcome> rows, String name) {
        return RowTable.of(rows)
                .ints("completed #", CrawlOutcome::completed)
                .ints("submitted #", CrawlOutcome::submitted)
                .text("page", CrawlOutcome::path)
                .text("status", o -> o.status().label())
                .ints("sent at ms", o -> (int) o.sentAt().toMillis())
                .ints("done at ms", o -> (int) o.endedAt().toMillis())
                .text("cause", CrawlOutcome::cause)
                .text("thread", CrawlOutcome::thread)
                .toTable(name);
    }
}
