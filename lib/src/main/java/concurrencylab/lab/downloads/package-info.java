/**
 * Downloading from the lab server: the same list of URLs on any executor, or with no thread
 * per request, each download set beside its bound. Introduced in notebook
 * {@code 07.2-Executors}; part of the lab around the library students read.
 *
 * <h2>Clients</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.downloads.Downloader}: the URLs as tasks on any
 *       {@code ExecutorService} (platform pool, virtual threads, process pool), with timeouts, a
 *       deadline and an optional {@code Semaphore} limit.</li>
 *   <li>{@link concurrencylab.lab.downloads.AsyncDownloader}: the same with
 *       {@code HttpClient.sendAsync} and {@code CompletableFuture} chains, no thread per request.</li>
 *   <li>{@link concurrencylab.lab.downloads.DownloadTask}: one GET with a timeout as a portable task that
 *       never throws; its shared {@code HttpClient} settings ({@code 07.4-Hybrid-Crawler} uses it too).</li>
 * </ul>
 *
 * <h2>Results</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.downloads.DownloadReport},
 *       {@link concurrencylab.lab.downloads.DownloadOutcome}: one outcome per URL, failures with
 *       their cause.</li>
 *   <li>{@link concurrencylab.lab.downloads.DownloadComparison}: measured times beside their
 *       bounds, {@code latency x ceil(downloads / concurrency)}.</li>
 * </ul>
 *
 * <h2>The benchmark</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.downloads.DownloadsBench}: the 7.2 downloads timed four ways,
 *       with bare-socket peers ({@code ./course bench downloads}).</li>
 * </ul>
 *
 * <p>Package-private: {@code ByteCounter} (a body handler that counts bytes and keeps none) and
 * {@code LabUris} (http(s) on loopback only, decided without DNS).
 */
package concurrencylab.lab.downloads;
