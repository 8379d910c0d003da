package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What happened to one page of a crawl: when it was scheduled, sent and finished, how it
 * ended, and the links it led to.
 *
 * {@snippet :
 * crawler.crawl(server.pageUri(0), CrawlOptions.pages(20), page ->
 *         System.out.println("#" + page.completed() + " (sent #" + page.submitted() + ") "
 *                 + page.uri().getPath() + " " + page.status()));
 * }
 *
 * <p>{@code submitted} and {@code completed} are 1-based ranks within the crawl: the order in
 * which pages were scheduled, and the order in which they finished. Times are measured from
 * the start of the crawl. Immutable, so safe to share between threads. Introduced in notebook
 * {@code 07.3-Async-Model}.
 *
 * @param uri        the page
 * @param submitted  its rank in scheduling order (1 = the start page)
 * @param completed  its rank in completion order
 * @param status     how it ended
 * @param httpStatus the HTTP status, or 0 when no response arrived
 * @param title      the page's {@code <title>}, or {@code ""}
 * @param links      the links found on it (empty unless {@link CrawlStatus#OK})
 * @param cause      why it failed, e.g. {@code "HTTP 500"}; {@code ""} when it did not
 * @param queuedAt   when it was scheduled
 * @param sentAt     when its request was sent; equal to {@code endedAt} if it never was
 * @param endedAt    when its outcome was recorded
 * @param thread     the name of the thread that recorded it
 */
public record CrawlOutcome(URI uri, int submitted, int completed, CrawlStatus status, int httpStatus,
                           String title, List<URI> links, String cause, Duration queuedAt,
                           Duration sentAt, Duration endedAt, String thread) {

    /** Copies the links so the record stays immutable, and checks nothing is missing. */
    public CrawlOutcome {
        Require.nonNull("uri", uri);
        Require.nonNull("status", status);
        links = List.copyOf(links);
        Require.nonNull("title", title);
        Require.nonNull("cause", cause);
        Require.nonNull("thread", thread);
    }

    /** Returns whether the page was fetched with HTTP 200. */
    public boolean ok() {
        return status == CrawlStatus.OK;
    }

    /** Returns how long the request took from being sent to its outcome. */
    public Duration fetchTime() {
        return endedAt.minus(sentAt);
    }

    /** Returns the page's path, e.g. {@code /page/7}, for short tables. */
    public String path() {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.toString() : uri.getRawPath();
    }
}
