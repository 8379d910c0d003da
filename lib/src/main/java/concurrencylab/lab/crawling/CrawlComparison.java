package concurrencylab.lab.crawling;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.Table;

/**
 * Times the same crawl three ways (async chain, blocking on virtual threads, blocking on a small
 * fixed pool), each with the same concurrency limit and a fresh server with the same seed, and
 * sets the times beside the lower bound the latency allows.
 *
 * {@snippet :
 * LabConfig site = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(50)).withJitter(Duration.ofMillis(20));
 * CrawlComparison timed = CrawlComparison.run(site, CrawlOptions.pages(100).withConcurrency(10), 3);
 * timed.table();   // crawler, pages, ok, median ms, bound ms
 * timed.chart();   // the same as bars
 * }
 *
 * <p>The bound: a page costs at least one latency; with {@code c} requests in flight,
 * {@code pages} pages take at least {@code latency × ceil(pages / c)}, and a page {@code k} links
 * away from the start cannot finish before {@code k} latencies; the larger of the two is shown.
 * Immutable once built; {@link #run} is safe to call from any thread. Introduced in notebook
 * {@code 07.3-Async-Model}.
 */
public final class CrawlComparison {

    /**
     * One crawler's timing.
     *
     * @param crawler  the crawler's name
     * @param pages    pages with an outcome in the last run
     * @param ok       pages fetched with HTTP 200 in the last run
     * @param levels   link levels the crawl spans ({@link CrawlReport#levels()})
     * @param median   the median crawl time over the runs
     * @param bound    the lower bound for this crawl
     * @param runs     every run's time, in order
     */
    public record Row(String crawler, int pages, int ok, int levels, Duration median, Duration bound,
                      List<Duration> runs) {
        /** Copies the run times so the record stays immutable. */
        public Row {
            runs = List.copyOf(runs);
        }
    }

    private final List<Row> rows;
    private final String title;

    private CrawlComparison(List<Row> rows, String title) {
        this.rows = List.copyOf(rows);
        this.title = title;
    }

    /**
     * Crawls {@code runs} times with each crawler, a fresh server from {@code site} for each crawl.
     *
     * @param site    the lab server's configuration
     * @param options the crawl; its concurrency (1..256) is also the fixed pool's size
     * @param runs    crawls per crawler, 1..20
     * @return the timings
     * @throws IllegalArgumentException if {@code options} has no concurrency limit or above 256, or runs is out of range
     * @throws InterruptedException     if interrupted
     */
    public static CrawlComparison run(LabConfig site, CrawlOptions options, int runs) throws InterruptedException {
        Require.nonNull("site", site);
        Require.nonNull("options", options);
        Require.that(options.limited() && options.concurrency() <= 256, "options.concurrency",
                "1 to 256 (the fixed pool's size)", options.concurrency());
        Require.inRange("runs", runs, 1, 20);
        List<PageCrawler> crawlers = List.of(AsyncCrawler.create(), BlockingCrawler.virtualThreads(),
                BlockingCrawler.fixedPool(options.concurrency()));
        List<List<Duration>> times = new ArrayList<>();
        List<CrawlReport> last = new ArrayList<>();
        crawlers.forEach(c -> {
            times.add(new ArrayList<>());
            last.add(null);
        });
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < crawlers.size(); i++) { // interleaved, so a noisy moment hits every crawler
                try (LabServer server = LabServer.start(site)) {
                    CrawlReport report = crawlers.get(i).crawl(server.pageUri(0), options);
                    times.get(i).add(report.elapsed());
                    last.set(i, report);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < crawlers.size(); i++) {
            CrawlReport report = last.get(i);
            int pages = report.outcomes().size();
            long rounds = Math.max((pages + options.concurrency() - 1) / options.concurrency(), report.levels());
            rows.add(new Row(crawlers.get(i).name(), pages, report.ok(), report.levels(), BenchStats.median(times.get(i)),
                    site.latency().multipliedBy(rounds), times.get(i)));
        }
        return new CrawlComparison(rows, options.maxPages() + " pages, " + options.concurrency()
                + " in flight, latency " + site.latency().toMillis() + " ms + up to " + site.jitter().toMillis()
                + " ms jitter, " + (runs == 1 ? "one run" : "median of " + runs + " runs"));
    }

    /** Returns the rows, one per crawler. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the timings as a table: crawler, pages, ok, levels, median ms, bound ms. */
    public Table table() {
        return RowTable.of(rows)
                .text("crawler", Row::crawler)
                .ints("pages", Row::pages)
                .ints("ok", Row::ok)
                .ints("link levels", Row::levels)
                .ints("median ms", r -> (int) r.median().toMillis())
                .ints("bound ms", r -> (int) r.bound().toMillis())
                .toTable(title);
    }

    /** Returns the median times as bars beside the bound. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(760).height(380).title(title)
                .xAxisTitle("crawler").yAxisTitle("ms").build();
        List<String> names = rows.stream().map(Row::crawler).toList();
        chart.addSeries("measured (median)", names, rows.stream().map(r -> (Number) r.median().toMillis()).toList());
        chart.addSeries("bound", names, rows.stream().map(r -> (Number) r.bound().toMillis()).toList());
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return chart;
    }
}
