package concurrencylab.lab.crawling;

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
     * @throws IllegalArgumentException if a value is outside the ranges above (the message names it)
     */
    public CrawlOptions {
        if (maxPages < 1 || maxPages > 100_000) {
            throw new IllegalArgumentException("maxPages must be 1..100000, was " + maxPages);
        }
        if (concurrency < 0 || concurrency > 10_000) {
            throw new IllegalArgumentException(
                    "concurrency must be 1..10000, or 0 for no limit, was " + concurrency);
        }
        check("requestTimeout", requestTimeout, Duration.ofMinutes(5));
        check("deadline", deadline, Duration.ofHours(1));
    }

    private static void check(String name, Duration value, Duration max) {
        if (value == null || value.toMillis() < 1 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be 1 ms.." + max + ", was " + value);
        }
    }

    /** Returns options for {@code maxPages} pages, no concurrency limit and the default timeouts. */
    public static CrawlOptions pages(int maxPages) {
        return new CrawlOptions(maxPages, 0, DEFAULT_REQUEST_TIMEOUT, DEFAULT_DEADLINE);
    }

    /** Returns a copy with at most {@code limit} requests in flight (0: no limit). */
    public CrawlOptions withConcurrency(int limit) {
        return new CrawlOptions(maxPages, limit, requestTimeout, deadline);
    }

    /** Returns a copy whose requests each time out after {@code timeout}. */
    public CrawlOptions withRequestTimeout(Duration timeout) {
        return new CrawlOptions(maxPages, concurrency, timeout, deadline);
    }

    /** Returns a copy whose whole crawl ends after {@code limit}. */
    public CrawlOptions withDeadline(Duration limit) {
        return new CrawlOptions(maxPages, concurrency, requestTimeout, limit);
    }

    /** Returns whether the number of requests in flight is limited. */
    public boolean limited() {
        return concurrency > 0;
    }
}
