package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.time.Duration;

/**
 * The limits of one crawl: how many pages, how many requests at once, how long one request
 * may take and how long the whole crawl may take.
 *
 * {@snippet :
 * CrawlOptions options = CrawlOptions.pages(50)
 *         .withConcurrency(10)                       // at most 10 requests in flight
 *         .withRequestTimeout(Duration.ofMillis(500))
 *         .withDeadline(Duration.ofSeconds(10));     // then every page still open ends as DEADLINE
 * }
 *
 * <p>The per-request timeout starts when the request is sent, never while it waits for one of
 * the {@code concurrency} slots. Immutable, so safe to share between threads. Introduced in
 * notebook {@code 07.3-Async-Model}.
 *
 * @param maxPages       how many distinct pages to schedule at most, 1..100,000
 * @param concurrency    how many requests may be in flight at once, 1..10,000, or 0 for no limit
 * @param requestTimeout how long one request may take, 1 ms..5 min
 * @param deadline       how long the whole crawl may take, 1 ms..1 h
 */
public record CrawlOptions(int maxPages, int concurrency, Duration requestTimeout, Duration deadline) {
    /** The per-request timeout {@link #pages} uses. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** The overall deadline {@link #pages} uses. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /**
     * Checks every limit.
     *
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if a value is outside the ranges above (the message names it)
     */
    public CrawlOptions {
        Require.inRange("maxPages", maxPages, 1, 100_000);
        Require.that(concurrency >= 0 && concurrency <= 10_000, "concurrency", "0 (no limit) or 1 to 10000", concurrency);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        Require.inRange("deadline", deadline, Duration.ofMillis(1), Duration.ofHours(1));
    }

    /** Returns options for {@code maxPages} pages, no concurrency limit and the default timeouts. */
    public static CrawlOptions pages(int maxPages) {
        return new CrawlOptions(maxPages, 0, DEFAULT_REQUEST_TIMEOUT, DEFAULT_DEADLINE);
    }

    /** Returns a copy with at most {@code concurrency} requests in flight (1..10,000, or 0 for no limit). */
    public CrawlOptions withConcurrency(int concurrency) {
        return new CrawlOptions(maxPages, concurrency, requestTimeout, deadline);
    }

    /** Returns a copy whose requests each time out after {@code requestTimeout} (1 ms..5 min). */
    public CrawlOptions withRequestTimeout(Duration requestTimeout) {
        return new CrawlOptions(maxPages, concurrency, requestTimeout, deadline);
    }

    /** Returns a copy whose whole crawl ends after {@code deadline} (1 ms..1 h). */
    public CrawlOptions withDeadline(Duration deadline) {
        return new CrawlOptions(maxPages, concurrency, requestTimeout, deadline);
    }

    /** Returns whether the number of requests in flight is limited. */
    public boolean limited() {
        return concurrency > 0;
    }
}
