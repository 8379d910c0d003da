package concurrencylab.lab.server;

import concurrencylab.util.Require;
import java.time.Duration;

/**
 * How a {@link LabServer} behaves: its delays, its payloads, its faults and its limits.
 *
 * {@snippet :
 * LabConfig config = LabConfig.DEFAULTS
 *         .withLatency(Duration.ofMillis(100))   // every response waits 100 ms ...
 *         .withJitter(Duration.ofMillis(20))     // ... plus 0..20 ms, drawn from the seed
 *         .withSeed(42L)
 *         .withErrorRate(0.05)                   // 5 % of requests answer HTTP 500
 *         .withMaxConcurrent(50);                // the 51st request in flight gets HTTP 429
 * }
 *
 * <p>Start from {@link #DEFAULTS} and change what you need with the {@code with} methods: each
 * returns a checked copy, so a bad value is reported on the line that sets it and a server
 * never starts with a configuration it cannot honour. A {@code LabConfig} is immutable and
 * thread-safe. Introduced in notebook {@code 07.2-Executors}.
 *
 * @param latency       fixed part of each response's delay, 0..10 min
 * @param jitter        upper bound of the random part added to the latency, 0..10 min
 * @param seed          seeds the jitter, the fault choice, the links between pages and the image bytes
 * @param imageBytes    size of each {@code /img/{n}} body, 0..64 MiB
 * @param pages         number of pages {@code /page/0} .. {@code /page/(pages-1)}, 1..1,000,000
 * @param linksPerPage  links on each page to other pages, 0..1000 (fewer when there are fewer other pages)
 * @param errorRate     share of requests answered with HTTP 500, 0..1
 * @param resetRate     share of requests whose connection is closed without any response, 0..1
 * @param stallRate     share of requests that hang for {@code stall} and then are closed without a response, 0..1
 * @param stall         how long a stalled request hangs, 0..1 h (a server's close() ends it sooner)
 * @param maxConcurrent most requests handled at once; beyond it HTTP 429 at once; 0 = no limit
 * @param port          TCP port on 127.0.0.1, 0 = a free one
 */
public record LabConfig(Duration latency, Duration jitter, long seed, int imageBytes, int pages,
                        int linksPerPage, double errorRate, double resetRate, double stallRate,
                        Duration stall, int maxConcurrent, int port) {

    /** The largest accepted latency or jitter. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);
    /** The longest accepted stall. */
    public static final Duration MAX_STALL = Duration.ofHours(1);
    /** The largest accepted image size: 64 MiB. */
    public static final int MAX_IMAGE_BYTES = 64 * 1024 * 1024;
    /** The largest accepted number of pages. */
    public static final int MAX_PAGES = 1_000_000;
    /** The largest accepted number of links per page. */
    public static final int MAX_LINKS_PER_PAGE = 1000;

    /**
     * The configuration {@link LabServer#start()} uses and every other one starts from: no
     * delay, seed 42, 20 KiB images, 100 pages of 5 links, no faults, no limit, a 30 s stall,
     * a free port.
     */
    public static final LabConfig DEFAULTS = new LabConfig(Duration.ZERO, Duration.ZERO, 42L, 20 * 1024, 100, 5,
            0, 0, 0, Duration.ofSeconds(30), 0, 0);

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if a duration is negative or too long, a size is negative
     *     or too large, a rate is outside 0..1 or the rates sum to more than 1, or the port is
     *     outside 0..65535; the message names the value and what is accepted
     */
    public LabConfig {
        Require.inRange("latency", latency, Duration.ZERO, MAX_DELAY);
        Require.inRange("jitter", jitter, Duration.ZERO, MAX_DELAY);
        Require.inRange("stall", stall, Duration.ZERO, MAX_STALL);
        Require.inRange("imageBytes", imageBytes, 0, MAX_IMAGE_BYTES);
        Require.inRange("pages", pages, 1, MAX_PAGES);
        Require.inRange("linksPerPage", linksPerPage, 0, MAX_LINKS_PER_PAGE);
        Require.inRange("errorRate", errorRate, 0.0, 1.0);
        Require.inRange("resetRate", resetRate, 0.0, 1.0);
        Require.inRange("stallRate", stallRate, 0.0, 1.0);
        double sum = errorRate + resetRate + stallRate;
        Require.that(sum <= 1.0 + 1e-9, "errorRate + resetRate + stallRate", "at most 1",
                errorRate + " + " + resetRate + " + " + stallRate + " = " + sum);
        Require.that(maxConcurrent >= 0, "maxConcurrent", "0 (no limit) or positive", maxConcurrent);
        Require.inRange("port", port, 0, 65_535);
    }

    /** Returns a copy whose responses each wait {@code latency} (0..10 min) before the jitter. */
    public LabConfig withLatency(Duration latency) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy adding a uniform random delay of 0..{@code jitter} (0..10 min) to the latency. */
    public LabConfig withJitter(Duration jitter) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy with another seed: the same seed and request order give the same delays and faults. */
    public LabConfig withSeed(long seed) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy whose image bodies are {@code imageBytes} long (0..64 MiB). */
    public LabConfig withImageBytes(int imageBytes) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy serving {@code pages} pages (1..1,000,000). */
    public LabConfig withPages(int pages) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy whose pages each link to {@code linksPerPage} other pages (0..1000). */
    public LabConfig withLinksPerPage(int linksPerPage) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy answering a share {@code errorRate} (0..1) of requests with HTTP 500. */
    public LabConfig withErrorRate(double errorRate) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy closing a share {@code resetRate} (0..1) of connections without a response. */
    public LabConfig withResetRate(double resetRate) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy letting a share {@code stallRate} (0..1) of requests hang for the stall duration. */
    public LabConfig withStallRate(double stallRate) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy whose stalled requests hang for {@code stall} (0..1 h) before their connection closes. */
    public LabConfig withStall(Duration stall) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy handling at most {@code maxConcurrent} requests at once (HTTP 429 beyond); 0 = no limit. */
    public LabConfig withMaxConcurrent(int maxConcurrent) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }

    /** Returns a copy listening on {@code port} of 127.0.0.1 (0..65535; 0 picks a free one). */
    public LabConfig withPort(int port) {
        return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate, resetRate,
                stallRate, stall, maxConcurrent, port);
    }
}
