/**
 * The lab server that stands in for the internet, and the clients the lessons run against it.
 * Introduced in notebook {@code 07.2-Executors}; the crawler lessons (7.3, 7.4) use it too.
 *
 * <h2>The server</h2>
 * <ul>
 *   <li>{@link concurrencylab.web.LabServer}: images and linked pages on 127.0.0.1 with
 *       latency, seeded jitter and faults, and an optional concurrency limit (HTTP 429).</li>
 *   <li>{@link concurrencylab.web.LabConfig}: its settings, validated.</li>
 *   <li>{@link concurrencylab.web.LabCounters}: what it has seen (requests, faults, peak concurrency).</li>
 * </ul>
 *
 * <h2>Crawlers and the async model (notebook {@code 07.3-Async-Model})</h2>
 * <ul>
 *   <li>{@link concurrencylab.web.PageCrawler}: the role; {@link concurrencylab.web.AsyncCrawler}
 *       ({@code CompletableFuture} chains on {@code HttpClient.sendAsync}) and
 *       {@link concurrencylab.web.BlockingCrawler} (plain {@code send} on virtual threads or a fixed pool).</li>
 *   <li>{@link concurrencylab.web.CrawlOptions}, {@link concurrencylab.web.CrawlOutcome},
 *       {@link concurrencylab.web.CrawlStatus}, {@link concurrencylab.web.CrawlReport}: the limits,
 *       one page's fate, the whole crawl in completion order.</li>
 *   <li>{@link concurrencylab.web.CrawlComparison}: the three crawlers timed against the latency bound.</li>
 *   <li>{@link concurrencylab.web.BurstExperiment}, {@link concurrencylab.web.BurstResult}: a burst
 *       against a 429 limit, with and without a {@code Semaphore}.</li>
 *   <li>{@link concurrencylab.web.StarvationDemo}, {@link concurrencylab.web.StarvationRun}: blocking
 *       joins inside a bounded pool (Java's "nested event loop"), bounded, and three fixes.</li>
 * </ul>
 *
 * <h2>Why the JDK's {@code com.sun.net.httpserver} on virtual threads</h2>
 * <p>It ships with the JDK (module {@code jdk.httpserver}), so the library needs no extra
 * dependency and the server starts in milliseconds. Its handlers block: a handler that waits
 * out the configured latency simply sleeps. On a platform thread per request, 10,000 requests
 * held at once would need 10,000 OS threads; on a virtual thread per request
 * ({@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual()...)}) a sleeping handler is a
 * small heap object and its carrier thread is free for others, so holding 10,000 concurrent
 * connections costs memory, not threads. The server's own selector thread
 * ({@code HTTP-Dispatcher}) only accepts connections and hands each request to the executor.
 *
 * <h2>Settings the server makes on the JDK's HTTP server</h2>
 * <ul>
 *   <li>Listen backlog {@value concurrencylab.web.LabServer#BACKLOG}: a burst of thousands of
 *       connections waits in the kernel's accept queue instead of being refused. Linux caps it
 *       at {@code net.core.somaxconn} (4096 on recent kernels).</li>
 *   <li>{@code sun.net.httpserver.nodelay=true}: TCP_NODELAY on accepted sockets. The JDK
 *       server writes the headers and the body separately; with Nagle's algorithm on, the
 *       body's last segment can wait for the client's delayed ACK, adding up to ~40 ms to a
 *       response on some systems, which would blur the latency the lab sets.</li>
 *   <li>{@code sun.net.httpserver.maxIdleConnections=16384} (JDK default 200): keep-alive
 *       connections beyond this many idle ones are closed by the server, so clients that
 *       reuse hundreds of connections would have to reconnect.</li>
 * </ul>
 * <p>Both properties are set only when not already set, and the JDK reads them once, when
 * the JVM's first {@code HttpServer} is created. Left at their JDK defaults on purpose:
 * {@code jdk.httpserver.maxConnections} (no limit; the lab's own limit is
 * {@link concurrencylab.web.LabConfig#maxConcurrent()}, which answers 429 instead of
 * dropping the connection), {@code sun.net.httpserver.idleInterval} (30 s) and the request
 * and response timeouts {@code maxReqTime}/{@code maxRspTime} (none: the stall fault must be
 * able to hang).
 *
 * <h2>The reset fault</h2>
 * <p>{@code HttpExchange.close()} before any response header is sent closes the connection
 * itself. The client has sent its request and reads end-of-stream instead of a status line,
 * so {@code HttpClient} fails the request with an {@code IOException}. It is an orderly close
 * (FIN), not a TCP RST: the JDK's exchange does not expose its socket, so SO_LINGER cannot be
 * set; for a client the effect is the same failed request.
 *
 * <h2>Closing</h2>
 * <p>{@code close()} stops the JDK server with no grace delay (its connections are closed at
 * once), then interrupts the handler threads, so sleeping handlers and stalls end, and waits a
 * bounded time for them. A {@code LeakCheck} after {@code close()} finds no thread or port.
 */
package concurrencylab.web;
