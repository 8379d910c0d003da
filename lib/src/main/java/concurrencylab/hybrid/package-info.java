/**
 * The hybrid crawler of notebook {@code 07.4-Hybrid-Crawler}: I/O on virtual threads, CPU work
 * (many rounds of SHA-256 per page) on a pool, and a pipeline with back-pressure.
 *
 * <h2>Crawling</h2>
 * <ul>
 *   <li>{@link concurrencylab.hybrid.HybridCrawler}: fetches a list of pages and hashes each,
 *       bounded in every wait, in one of the three {@link concurrencylab.hybrid.HybridVariant}s
 *       (a: hash on the fetching virtual thread; b: {@code thenApplyAsync} on a platform pool;
 *       c: in a {@code ProcessPool} of worker JVMs).</li>
 *   <li>{@link concurrencylab.hybrid.HybridRun} and {@link concurrencylab.hybrid.HashedPage}:
 *       one result per page, failures reported with their stage, and who ran each stage.</li>
 *   <li>{@link concurrencylab.hybrid.HybridBounds}: the I/O and CPU floors the variants are
 *       measured against.</li>
 * </ul>
 *
 * <h2>Back-pressure</h2>
 * <ul>
 *   <li>{@link concurrencylab.hybrid.HashPipeline}: fetchers and hashers joined by a bounded
 *       {@code ArrayBlockingQueue}, shut down with poison pills.</li>
 *   <li>{@link concurrencylab.hybrid.PipelineRun} and {@link concurrencylab.hybrid.DepthSample}:
 *       the results, the queue's depth over time, how long the fetchers were blocked.</li>
 * </ul>
 *
 * <h2>Showing it</h2>
 * <ul>
 *   <li>{@link concurrencylab.hybrid.HybridTables}: who ran what, the variants, the pipelines,
 *       the failures, as Tablesaw tables.</li>
 *   <li>{@link concurrencylab.hybrid.HybridCharts}: variants against the bounds; queue depth
 *       over time.</li>
 * </ul>
 *
 * <p>Package-private: {@code PageFetcher} (the shared I/O stage: an {@code HttpClient}, a
 * concurrency limit, per-request timeouts), {@code Fetched} (one fetched body) and
 * {@code WarmUp} (a portable task that warms a process pool's workers).
 */
package concurrencylab.hybrid;
