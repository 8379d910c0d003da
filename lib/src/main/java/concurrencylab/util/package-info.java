/**
 * What the whole library shares, and the one vocabulary it speaks: how it checks its
 * arguments, how it unwraps failures, how it turns results into tables and pictures, and how
 * its configuration values are named and changed.
 *
 * <h2>The helpers</h2>
 * <ul>
 *   <li>{@link concurrencylab.util.Require}: every precondition, with one message shape
 *       ({@code "workers must be 1 to 64, got 0"}; a null is a {@code NullPointerException}
 *       {@code "client must not be null"}).</li>
 *   <li>{@link concurrencylab.util.Failures}: the cause behind {@code CompletionException} and
 *       {@code ExecutionException} wrappers.</li>
 *   <li>{@link concurrencylab.util.RowTable}: a list of result records as a Tablesaw table, one
 *       column per value.</li>
 *   <li>{@link concurrencylab.util.Canvas}: a white, anti-aliased image for the hand-drawn
 *       pictures.</li>
 * </ul>
 *
 * <h2>One configuration vocabulary</h2>
 * <p>A configuration in the lab ({@code LabConfig}, {@code Downloader}, {@code AsyncDownloader},
 * {@code CrawlOptions}, {@code HybridCrawler}, {@code HashPipeline}, {@code AsyncCrawler},
 * {@code ScanRequest}, {@code BenchSpec}) is an <b>immutable value</b>, a record whose components
 * are its settings. It starts from a named default ({@code LabConfig.DEFAULTS}) or a factory
 * ({@code Downloader.on(pool)}, {@code CrawlOptions.pages(50)}, {@code ScanRequest.loopback("1-1024")})
 * and each setting is changed with a {@code withX(value)} method that returns a checked copy;
 * the record accessor {@code x()} reads it back:
 * {@snippet :
 * var server = LabServer.start(LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)).withErrorRate(0.05));
 * var report = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(2)).withConcurrency(10).download(uris);
 * }
 * <p>Why values with {@code with} methods and not builders: the JDK APIs the lesson teaches
 * speak this way ({@code java.time}'s {@code withHour}, {@code StructuredTaskScope}'s
 * {@code Configuration.withTimeout} in notebook 7.6), so the lab reads like them; every copy is
 * checked by the record's constructor, so a bad value fails on the line that sets it rather
 * than at a later {@code build()}; and a value needs no second, mutable type, so it can be
 * kept in a notebook variable, varied cell by cell and shared between threads without
 * synchronization. The price is one method and one small object per change, which is
 * nothing at configuration time.
 *
 * <p>The names follow three rules:
 * <ul>
 *   <li>A timeout names what it bounds: {@code requestTimeout} (one HTTP request),
 *       {@code connectTimeout} (one TCP connect), {@code runTimeout} (one benchmark run).</li>
 *   <li>{@code deadline} bounds a whole operation: a download, a crawl, a pipeline run, a scan.</li>
 *   <li>{@code concurrency} is the most operations in flight at once; where 0 is accepted it
 *       means no limit.</li>
 * </ul>
 *
 * <p>Thread safety: every class here is stateless or, for {@code RowTable}, meant for one thread.
 */
package concurrencylab.util;
