package concurrencylab.lab.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import concurrencylab.util.Require;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lab's stand-in for the internet: an HTTP server on 127.0.0.1 serving images and linked
 * pages with a latency, a seeded jitter, seeded faults and an optional concurrency limit.
 *
 * {@snippet :
 * try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)))) {
 *     List<URI> images = server.imageUris(200);      // http://127.0.0.1:PORT/img/0 .. /img/199
 *     // ... download them ...
 *     System.out.println(server.counters());
 * }
 * }
 *
 * <p>Paths: {@code /img/{n}} ({@code n >= 0}) answers {@code application/octet-stream} of
 * {@link LabConfig#imageBytes()} seeded bytes; {@code /page/{n}} ({@code 0 <= n < pages})
 * answers {@code text/html} with {@code <title>Page n</title>} and {@code <a href="/page/M">}
 * links chosen from {@code n} and the seed; anything else is HTTP 404 at once.
 *
 * <p>Each admitted request gets a number in arrival order; its fault and delay are a function
 * of that number and the seed, so the same seed and the same request order give the same
 * behaviour. Faults: HTTP 500 after the delay; a reset (the connection is closed after the
 * delay with no response at all, so the client reads end-of-stream and fails with an
 * {@link IOException}); a stall (nothing for {@link LabConfig#stall()}, then the connection is
 * closed). Over {@link LabConfig#maxConcurrent()} a request gets HTTP 429 at once.
 *
 * <p>Thread safety: every method may be called from any thread. Handlers run one virtual
 * thread per request (see the package documentation for why). {@link #close()} stops
 * accepting, closes every connection, interrupts the handlers (so stalls end) and waits a
 * bounded time for them: afterwards no thread or listening socket of the server is left.
 * Introduced in notebook {@code 07.2-Executors}.
 */
public final class LabServer implements AutoCloseable {
    /** The listen backlog: how many connections the kernel queues before the server accepts them. */
    public static final int BACKLOG = 8192;
    /** The longest {@link #close()} waits for handler threads to end after interrupting them. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final int LOGGED_DELAYS = 10_000;
    /** Image bodies are kept for at most this many images ... */
    private static final int MAX_CACHED_IMAGES = 4096;
    /** ... and at most this many bytes in all, so a server never holds more than 32 MiB of them. */
    private static final long IMAGE_CACHE_BYTES = 32L * 1024 * 1024;

    static {
        JdkServerTuning.apply();
    }

    private final LabConfig config;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final int port;
    private final URI base;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onAdmitted = () -> { };

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray delayLog = new AtomicLongArray(LOGGED_DELAYS);
    private final AtomicReferenceArray<byte[]> images;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder stalls = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder notFound = new LongAdder();

    private LabServer(LabConfig config) throws IOException {
        this.config = config;
        this.images = new AtomicReferenceArray<>(
                (int) Math.min(MAX_CACHED_IMAGES, IMAGE_CACHE_BYTES / Math.max(1, config.imageBytes())));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            this.http = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
        } catch (BindException inUse) {
            throw new IllegalArgumentException("port " + config.port() + " on " + loopback.getHostAddress()
                    + " is in use; choose another port, or 0 for a free one", inUse);
        }
        this.port = http.getAddress().getPort();
        this.base = URI.create("http://" + loopback.getHostAddress() + ":" + port + "/");
        this.handlers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("labserver-" + port + "-", 0).factory());
        for (int i = 0; i < LOGGED_DELAYS; i++) {
            delayLog.set(i, -1);
        }
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        http.start();
        // In the notebook kernel, interrupting the cell that started this server closes it.
        concurrencylab.kernel.CellSession.adopt("lab server", 1, this, this::close);
    }

    /** Starts a server on a free port of 127.0.0.1 with {@link LabConfig#DEFAULTS}: no delay, no faults. */
    public static LabServer start() {
        return start(LabConfig.DEFAULTS);
    }

    /**
     * Starts a server on 127.0.0.1 with {@code config}.
     *
     * @throws NullPointerException     if {@code config} is null
     * @throws IllegalArgumentException if its port is in use
     * @throws UncheckedIOException if the server cannot be started for another reason
     */
    public static LabServer start(LabConfig config) {
        Require.nonNull("config", config);
        try {
            return new LabServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the lab server on 127.0.0.1:" + config.port(), e);
        }
    }

    /** Returns the configuration this server runs with. */
    public LabConfig config() {
        return config;
    }

    /** Returns the TCP port the server listens on. */
    public int port() {
        return port;
    }

    /** Returns {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return base;
    }

    /**
     * Returns the URI of image {@code n}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public URI imageUri(int n) {
        Require.atLeast("image number", n, 0);
        return base.resolve("img/" + n);
    }

    /**
     * Returns the URI of page {@code n}.
     *
     * @throws IllegalArgumentException if {@code n} is outside {@code 0..pages-1}
     */
    public URI pageUri(int n) {
        Require.inRange("page number", n, 0, config.pages() - 1);
        return base.resolve("page/" + n);
    }

    /**
     * Returns the URIs of images {@code 0 .. count-1}.
     *
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public List<URI> imageUris(int count) {
        Require.atLeast("count", count, 0);
        List<URI> uris = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            uris.add(imageUri(i));
        }
        return List.copyOf(uris);
    }

    /** Returns a snapshot of the counters. */
    public LabCounters counters() {
        return new LabCounters(requests.sum(), served.sum(), errors.sum(), resets.sum(), stalls.sum(),
                rejected.sum(), notFound.sum(), peak.get(), inFlight.get());
    }

    /** Sets every counter back to zero; the peak restarts from the requests in flight now. */
    public void resetCounters() {
        for (LongAdder a : List.of(requests, served, errors, resets, stalls, rejected, notFound)) {
            a.reset();
        }
        peak.set(inFlight.get());
    }

    /**
     * Returns the delays the server chose for its first admitted requests (up to 10,000), in
     * request-number order: latency plus jitter, or the stall for a stalled request. Two
     * servers with the same seed that receive requests in the same order return the same list.
     */
    public List<Duration> appliedDelays() {
        long n = Math.min(sequence.get(), LOGGED_DELAYS);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long nanos = delayLog.get(i);
            if (nanos < 0) {
                break;
            }
            delays.add(Duration.ofNanos(nanos));
        }
        return List.copyOf(delays);
    }

    /** Returns whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the server: closes the listening socket and every connection, interrupts handlers
     * (a stalled request ends at once) and waits up to {@link #CLOSE_WAIT} for them to end.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        handlers.shutdownNow();
        try {
            if (!handlers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("LabServer " + base + ": some handlers did not end within " + CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Test and benchmark hook: runs {@code hook} on the handler thread each time a request is admitted. */
    public void onAdmitted(Runnable hook) {
        this.onAdmitted = hook;
    }

    @Override
    public String toString() {
        return "LabServer " + base + (closed.get() ? " (closed)" : "") + " " + config;
    }

    private void handle(HttpExchange exchange) {
        requests.increment();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Route route = Route.of(path, config);
            if (route == null) {
                notFound.increment();
                sendText(exchange, 404, "text/plain", "No such path: " + path
                        + ". The lab server has /img/{n} and /page/{n} (0 <= n < " + config.pages() + ").");
                return;
            }
            if (!admit()) {
                rejected.increment();
                exchange.getResponseHeaders().set("Retry-After", "1");
                sendText(exchange, 429, "text/plain", "Too many requests at once: the limit is "
                        + config.maxConcurrent() + ".");
                return;
            }
            Slot slot = new Slot();
            try {
                onAdmitted.run();
                serve(exchange, route, slot);
            } finally {
                slot.release();
            }
        } catch (IOException | InterruptedException clientGoneOrClosing) {
            // the client hung up, or close() interrupted us: the exchange is closed either way
        }
    }

    private boolean admit() {
        int max = config.maxConcurrent();
        while (true) {
            int now = inFlight.get();
            if (max > 0 && now >= max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                peak.accumulateAndGet(now + 1, Math::max);
                return true;
            }
        }
    }

    /**
     * An admitted request's place in {@code inFlight}. It is given back before the response is
     * written, so a client that sends its next request as soon as it reads a response never
     * finds its own previous request still counted (no spurious 429 at exactly the limit).
     */
    private final class Slot {
        private boolean held = true;

        void release() {
            if (held) {
                held = false;
                inFlight.decrementAndGet();
            }
        }
    }

    private void serve(HttpExchange exchange, Route route, Slot slot) throws IOException, InterruptedException {
        long n = sequence.getAndIncrement();
        RequestPlan plan = RequestPlan.of(config, n);
        if (n < LOGGED_DELAYS) {
            delayLog.set((int) n, plan.delay().toNanos());
        }
        switch (plan.fault()) {
            case STALL -> {
                stalls.increment();
                Thread.sleep(plan.delay());
                slot.release();
                // closing the exchange before any header is sent closes the connection
            }
            case RESET -> {
                Thread.sleep(plan.delay());
                resets.increment();
                slot.release();
                // nothing sent: try-with-resources closes the exchange, which drops the connection
            }
            case ERROR_500 -> {
                Thread.sleep(plan.delay());
                errors.increment();
                slot.release();
                sendText(exchange, 500, "text/plain", "Internal error (a fault the lab server was asked to make).");
            }
            case NONE -> {
                // the body is made before the wait, so the work is done while the request waits anyway
                byte[] body = route.image() ? image(route.number())
                        : page(route.number()).getBytes(StandardCharsets.UTF_8);
                Thread.sleep(plan.delay());
                served.increment();
                slot.release();
                send(exchange, 200, route.image() ? "application/octet-stream" : "text/html; charset=utf-8", body);
            }
        }
    }

    /** Returns image {@code n}'s bytes, made once and kept for the first images (never modified). */
    private byte[] image(int n) {
        if (n >= images.length()) {
            return RequestPlan.image(config, n);
        }
        byte[] body = images.get(n);
        if (body == null) {
            body = RequestPlan.image(config, n); // two threads may both make it: the same bytes
            images.set(n, body);
        }
        return body;
    }

    private String page(int n) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Page ").append(n)
                .append("</title></head>\n<body><h1>Page ").append(n).append("</h1>\n<ul>\n");
        for (int m : RequestPlan.links(config, n)) {
            html.append("<li><a href=\"/page/").append(m).append("\">Page ").append(m).append("</a></li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static void sendText(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A known path: an image or a page, and its number. */
    record Route(boolean image, int number) { // package-private: BareResponder parses paths with it too
        static Route of(String path, LabConfig config) {
            if (path == null) {
                return null;
            }
            if (path.startsWith("/img/")) {
                int n = number(path.substring(5));
                return n >= 0 ? new Route(true, n) : null;
            }
            if (path.startsWith("/page/")) {
                int n = number(path.substring(6));
                return n >= 0 && n < config.pages() ? new Route(false, n) : null;
            }
            return null;
        }

        private static int number(String digits) {
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Integer.parseInt(digits);
        }
    }
}
