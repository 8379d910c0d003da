package concurrencylab.lab.server;

import java.time.Duration;

/**
 * How a {@link LabServer} behaves: its delays, its payloads, its faults and its limits.
 *
 * {@snippet :
 * LabConfig config = LabConfig.builder()
 *         .latency(Duration.ofMillis(100))   // every response waits 100 ms ...
 *         .jitter(Duration.ofMillis(20))     // ... plus 0..20 ms, drawn from the seed
 *         .seed(42L)
 *         .errorRate(0.05)                   // 5 % of requests answer HTTP 500
 *         .maxConcurrent(50)                 // the 51st request in flight gets HTTP 429
 *         .build();
 * }
 *
 * <p>Every value is checked in {@link Builder#build()}, so a server never starts with a
 * configuration it cannot honour. A {@code LabConfig} is immutable and thread-safe; a
 * {@link Builder} is not (use it from one thread).
 *
 * <p>Introduced in notebook {@code 07.2-Executors}.
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

    /** The configuration {@link LabServer#start()} uses: no delay, no faults, no limit, a free port. */
    public static final LabConfig DEFAULTS = builder().build();

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException if a duration is null, negative or too long, a size is
     *     negative or too large, a rate is outside 0..1 or the rates sum to more than 1, or the
     *     port is outside 0..65535; the message names the value and what is accepted
     */
    public LabConfig {
        checkDuration("latency", latency, MAX_DELAY);
        checkDuration("jitter", jitter, MAX_DELAY);
        checkDuration("stall", stall, MAX_STALL);
        checkRange("imageBytes", imageBytes, 0, MAX_IMAGE_BYTES);
        checkRange("pages", pages, 1, MAX_PAGES);
        checkRange("linksPerPage", linksPerPage, 0, MAX_LINKS_PER_PAGE);
        checkRate("errorRate", errorRate);
        checkRate("resetRate", resetRate);
        checkRate("stallRate", stallRate);
        double sum = errorRate + resetRate + stallRate;
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("errorRate + resetRate + stallRate must be at most 1, was "
                    + errorRate + " + " + resetRate + " + " + stallRate + " = " + sum);
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("maxConcurrent must be 0 (no limit) or positive, was " + maxConcurrent);
        }
        checkRange("port", port, 0, 65_535);
    }

    /** Returns a builder holding the defaults: no delay, 20 KiB images, 100 pages of 5 links, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this configuration's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().latency(latency).jitter(jitter).seed(seed).imageBytes(imageBytes)
                .pages(pages).linksPerPage(linksPerPage).errorRate(errorRate).resetRate(resetRate)
                .stallRate(stallRate).stall(stall).maxConcurrent(maxConcurrent).port(port);
    }

    private static void checkDuration(String name, Duration value, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing; give a duration from 0 to " + max);
        }
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from 0 to " + max + ", was " + value);
        }
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + value);
        }
    }

    private static void checkRate(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a share from 0.0 to 1.0, was " + value);
        }
    }

    /**
     * Collects a {@link LabConfig}'s values; {@link #build()} checks them.
     *
     * <p>Not thread-safe: fill it from one thread.
     */
    public static final class Builder {
        private Duration latency = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private long seed = 42L;
        private int imageBytes = 20 * 1024;
        private int pages = 100;
        private int linksPerPage = 5;
        private double errorRate;
        private double resetRate;
        private double stallRate;
        private Duration stall = Duration.ofSeconds(30);
        private int maxConcurrent;
        private int port;

        private Builder() {
        }

        /** Sets the fixed part of each response's delay (default 0). */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Sets the upper bound of the uniform random delay added to the latency (default 0). */
        public Builder jitter(Duration jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Sets the seed: the same seed and the same request order give the same delays and faults (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the size of each image body in bytes (default 20 KiB). */
        public Builder imageBytes(int imageBytes) {
            this.imageBytes = imageBytes;
            return this;
        }

        /** Sets how many pages there are (default 100). */
        public Builder pages(int pages) {
            this.pages = pages;
            return this;
        }

        /** Sets how many links to other pages each page carries (default 5). */
        public Builder linksPerPage(int linksPerPage) {
            this.linksPerPage = linksPerPage;
            return this;
        }

        /** Sets the share of requests answered with HTTP 500 (default 0). */
        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        /** Sets the share of requests whose connection is closed without a response (default 0). */
        public Builder resetRate(double resetRate) {
            this.resetRate = resetRate;
            return this;
        }

        /** Sets the share of requests that hang for the stall duration (default 0). */
        public Builder stallRate(double stallRate) {
            this.stallRate = stallRate;
            return this;
        }

        /** Sets how long a stalled request hangs before its connection is closed (default 30 s). */
        public Builder stall(Duration stall) {
            this.stall = stall;
            return this;
        }

        /** Sets the most requests handled at once, beyond which HTTP 429 is sent at once; 0 = no limit (default). */
        public Builder maxConcurrent(int maxConcurrent) {
            this.maxConcurrent = maxConcurrent;
            return this;
        }

        /** Sets the port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Returns the checked configuration.
         *
         * @throws IllegalArgumentException if a value is out of range (see {@link LabConfig})
         */
        public LabConfig build() {
            return new LabConfig(latency, jitter, seed, imageBytes, pages, linksPerPage, errorRate,
                    resetRate, stallRate, stall, maxConcurrent, port);
        }
    }
}
