package concurrencylab.lab.crawling;

import java.net.URI;
import java.util.function.Consumer;

/**
 * A crawler: from a start page, fetches pages and follows their links until the page budget is
 * spent, reporting each page the moment it finishes.
 *
 * {@snippet :
 * PageCrawler crawler = AsyncCrawler.create();            // or BlockingCrawler.virtualThreads()
 * CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(50).withConcurrency(10),
 *         page -> System.out.println(page.path() + " " + page.status()));
 * }
 *
 * <p>Implementations: {@link AsyncCrawler} (chains of {@code CompletableFuture} on
 * {@code HttpClient.sendAsync}) and {@link BlockingCrawler} (plain {@code HttpClient.send} on
 * virtual threads or a fixed pool). Both return the same kind of report; each call owns its
 * HTTP client and threads and ends them before it returns. Implementations are stateless
 * between calls and safe to use from several threads. Introduced in notebook
 * {@code 07.3-Async-Model}.
 */
public interface PageCrawler {

    /** Returns a short name for tables, e.g. {@code "async (CompletableFuture)"}. */
    String name();

    /**
     * Crawls from {@code start}, calling {@code onPage} once per scheduled page, in completion
     * order, from the crawler's threads (one call at a time: keep it quick).
     *
     * @param start   the first page
     * @param options limits: pages, concurrency, per-request timeout, overall deadline
     * @param onPage  called with each outcome as it is recorded
     * @return every scheduled page's outcome, in completion order
     * @throws InterruptedException     if the calling thread is interrupted (the crawl is ended first)
     * @throws IllegalArgumentException if {@code start} is not an http:// URL on loopback
     * @throws IllegalStateException    if {@code onPage} threw (after the crawl has ended)
     */
    CrawlReport crawl(URI start, CrawlOptions options, Consumer<CrawlOutcome> onPage)
            throws InterruptedException;

    /** Crawls without a per-page callback; see {@link #crawl(URI, CrawlOptions, Consumer)}. */
    default CrawlReport crawl(URI start, CrawlOptions options) throws InterruptedException {
        return crawl(start, options, page -> { });
    }
}
