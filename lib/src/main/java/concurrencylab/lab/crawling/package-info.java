/**
 * Crawlers: the async model against blocking on virtual threads (notebook
 * {@code 07.3-Async-Model}), and the hybrid crawler that mixes waiting with CPU work (notebook
 * {@code 07.4-Hybrid-Crawler}). Part of the lab around the library students read.
 *
 * <h2>Crawling, two styles (notebook {@code 07.3-Async-Model})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.crawling.PageCrawler}: the role;
 *       {@link concurrencylab.lab.crawling.AsyncCrawler} ({@code CompletableFuture} chains on
 *       {@code HttpClient.sendAsync}) and {@link concurrencylab.lab.crawling.BlockingCrawler}
 *       (plain {@code send} on virtual threads or a fixed pool).</li>
 *   <li>{@link concurrencylab.lab.crawling.CrawlOptions},
 *       {@link concurrencylab.lab.crawling.CrawlOutcome}, {@link concurrencylab.lab.crawling.CrawlStatus},
 *       {@link concurrencylab.lab.crawling.CrawlReport}: the limits, one page's fate, the whole
 *       crawl in completion order.</li>
 *   <li>{@link concurrencylab.lab.crawling.CrawlComparison}: the crawlers timed against the
 *       latency bound; {@link concurrencylab.lab.crawling.CrawlHttp}: what both crawlers share
 *       (the client, the request, how a result is classified).</li>
 *   <li>{@link concurrencylab.lab.crawling.BurstExperiment},
 *       {@link concurrencylab.lab.crawling.BurstResult}: a burst against a 429 limit, with and
 *       without a {@code Semaphore}.</li>
 * </ul>
 *
 * <h2>The hybrid crawler (notebook {@code 07.4-Hybrid-Crawler})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.crawling.HybridCrawler}: fetches pages and hashes each, bounded
 *       in every wait, in one of the three {@link concurrencylab.lab.crawling.HybridVariant}s
 *       (hash on the fetching virtual thread; {@code thenApplyAsync} on a platform pool; in a
 *       {@code ProcessPool} of worker JVMs).</li>
 *   <li>{@link concurrencylab.lab.crawling.HybridRun} and {@link concurrencylab.lab.crawling.HashedPage}:
 *       one result per page, failures reported with their stage, and who ran each stage.</li>
 *   <li>{@link concurrencylab.lab.crawling.HybridBounds}: the I/O and CPU floors the variants are
 *       measured against.</li>
 * </ul>
 *
 * <h2>Back-pressure (notebook {@code 07.4-Hybrid-Crawler})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.crawling.HashPipeline}: fetchers and hashers joined by a bounded
 *       {@code ArrayBlockingQueue}, shut down with poison pills.</li>
 *   <li>{@link concurrencylab.lab.crawling.PipelineRun} and {@link concurrencylab.lab.crawling.DepthSample}:
 *       the results, the queue's depth over time, how long the fetchers were blocked.</li>
 * </ul>
 *
 * <h2>Showing it</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.crawling.HybridTables}: who ran what, the variants, the
 *       pipelines, the failures, as Tablesaw tables.</li>
 *   <li>{@link concurrencylab.lab.crawling.HybridCharts}: variants against the bounds; queue
 *       depth over time.</li>
 * </ul>
 *
 * <p>Package-private: {@code CrawlLedger} (the bookkeeping every crawler shares: exactly one
 * outcome per scheduled page), {@code PageLinks} (links and titles from a page),
 * {@code FetchStage} (the shared I/O stage: a concurrency limit, per-request timeouts),
 * {@code FetchedPage} (one fetched body) and {@code WarmUp} (a portable task that warms a process
 * pool's workers).
 */
package concurrencylab.lab.crawling;
