package concurrencylab.lab.crawling;

/**
 * How the fetch of one page ended, as a crawler reports it in a {@link CrawlOutcome}.
 *
 * <p>Every page a crawler schedules ends in exactly one of these, so a failure is never lost:
 * it is a value in the report, not an exception that vanished in a callback.
 *
 * <p>Thread safety: an enum, immutable. Introduced in notebook {@code 07.3-Async-Model}.
 */
public enum CrawlStatus {
    /** HTTP 200: the page was read and its links followed. */
    OK("ok"),
    /** The server answered with an error status, e.g. 500 or 429. */
    HTTP_ERROR("HTTP error"),
    /** The connection was reset or closed before a full response arrived. */
    RESET("connection reset"),
    /** No response within the per-request timeout. */
    TIMEOUT("timeout"),
    /** The crawl's overall deadline came first: the request was cancelled or never sent. */
    DEADLINE("overall deadline"),
    /** Anything else, e.g. a page the crawler could not read. */
    FAILED("failed");

    private final String label;

    CrawlStatus(String label) {
        this.label = label;
    }

    /** Returns a short human label for tables, e.g. {@code "timeout"}. */
    public String label() {
        return label;
    }
}
