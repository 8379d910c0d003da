/**
 * The lab server that stands in for the internet: an HTTP server on 127.0.0.1 with latency,
 * seeded jitter and faults, and what measures it. Introduced in notebook {@code 07.2-Executors};
 * the crawler lessons ({@code 07.3-Async-Model}, {@code 07.4-Hybrid-Crawler}) use it too. Part
 * of the lab around the library students read.
 *
 * <h2>The server</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.server.LabServer}: images and linked pages on 127.0.0.1 with
 *       latency, seeded jitter and faults, and an optional concurrency limit (HTTP 429).</li>
 *   <li>{@link concurrencylab.lab.server.LabConfig}: its settings, validated.</li>
 *   <li>{@link concurrencylab.lab.server.LabCounters}: what it has seen (requests, faults, peak
 *       concurrency).</li>
 * </ul>
 *
 * <h2>Around the server, for the benchmarks</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.server.BareResponder}: the downloads benchmark's peer, the least
 *       an HTTP server can do, on bare sockets.</li>
 *   <li>{@link concurrencylab.lab.server.LabServerJvm}: a lab server in a child JVM
 *       ({@code ./course bench downloads --server-jvm 1}).</li>
 *   <li>{@link concurrencylab.lab.server.ConnectionsBench} and its client JVM
 *       {@link concurrencylab.lab.server.LoadClients}: can the server hold 10,000 connections at
 *       once ({@code ./course bench server})?</li>
 * </ul>
 *
 * <p>Package-private: {@code RequestPlan} (what the server does with its n-th request: a pure
 * function of the seed) and {@code JdkServerTuning} (the {@code sun.net.httpserver.*} settings
 * below).
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
 *   <li>Listen backlog {@value concurrencylab.lab.server.LabServer#BACKLOG}: a burst of thousands of
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
 * {@link concurrencylab.lab.server.LabConfig#maxConcurrent()}, which answers 429 instead of
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
 * bounded time for them. A {@code LeakCheck} ({@code concurrencylab.lab.debug}) after {@code close()} finds no thread
 * or port.
 */
package concurrencylab.lab.server;
