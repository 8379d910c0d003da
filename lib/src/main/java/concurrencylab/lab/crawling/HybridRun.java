package concurrencylab.lab.crawling;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.util.Require;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one {@link HybridCrawler#crawl}: one {@link HashedPage} per URI (failures
 * included, in the order of the URIs), how long the crawl took, and how long its pool took
 * to start.
 *
 * {@snippet :
 * HybridRun run = crawler.crawl(uris, HybridVariant.PROCESS_POOL);
 * System.out.println(run.summary());   // c · process pool: 150 pages, 150 hashed, 0 failed in S s ...
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param variant          where the hashing ran
 * @param pages            one result per URI, in order
 * @param elapsed          from the first request to the last result, start-up excluded
 * @param setup            how long the hashing pool took to be ready (worker JVMs booting); zero for threads
 * @param rounds           SHA-256 rounds per page
 * @param fetchConcurrency requests in flight at most
 */
public record HybridRun(HybridVariant variant, List<HashedPage> pages, Duration elapsed, Duration setup,
                        int rounds, int fetchConcurrency) {

    /** Copies the list so the record stays immutable. */
    public HybridRun {
        Require.nonNull("variant", variant);
        pages = List.copyOf(pages);
        Require.nonNull("elapsed", elapsed);
        Require.nonNull("setup", setup);
    }

    /** Returns how many pages were fetched and hashed. */
    public int hashed() {
        return (int) pages.stream().filter(HashedPage::ok).count();
    }

    /** Returns the pages that failed, each with its stage and reason. */
    public List<HashedPage> failures() {
        return pages.stream().filter(p -> !p.ok()).toList();
    }

    /**
     * Returns the {@code q}-quantile of the fetch times of the fetched pages (nearest rank), or
     * zero if none was fetched.
     *
     * @throws IllegalArgumentException if {@code q} is outside 0..1
     */
    public Duration fetchQuantile(double q) {
        Require.inRange("q", q, 0.0, 1.0);
        List<Duration> fetched = fetchTimes();
        return fetched.isEmpty() ? Duration.ZERO : BenchStats.quantile(q, fetched);
    }

    /** Returns the median fetch time of the fetched pages ({@link BenchStats#median(List)}), or zero if none was fetched. */
    public Duration fetchMedian() {
        List<Duration> fetched = fetchTimes();
        return fetched.isEmpty() ? Duration.ZERO : BenchStats.median(fetched);
    }

    private List<Duration> fetchTimes() {
        return pages.stream().filter(p -> p.bytes() >= 0).map(HashedPage::fetchTime).toList();
    }

    /** Returns the summed hashing time of every hashed page: the CPU work this run did. */
    public Duration totalHashTime() {
        return pages.stream().map(HashedPage::hashTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** Returns one line: variant, counts, time, start-up, fetch median and 95th percentile. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d pages, %d hashed, %d failed in %.2f s%s; fetch median %d ms, p95 %d ms",
                variant.label(), pages.size(), hashed(), pages.size() - hashed(), elapsed.toNanos() / 1e9,
                setup.isZero() ? "" : String.format(Locale.ROOT, " (pool start %.2f s)", setup.toNanos() / 1e9),
                fetchMedian().toMillis(), fetchQuantile(0.95).toMillis());
    }

    @Override
    public String toString() {
        return summary();
    }
}
