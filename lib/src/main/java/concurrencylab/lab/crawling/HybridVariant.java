package concurrencylab.lab.crawling;

/**
 * Where a hybrid crawl does its CPU work: the three variants notebook {@code 07.4-Hybrid-Crawler}
 * races. Every variant fetches on virtual threads; they differ in where SHA-256 runs.
 *
 * {@snippet :
 * HybridRun run = HybridCrawler.create().crawl(uris, HybridVariant.CPU_POOL);
 * }
 * <p>Thread safety: an enum, immutable.
 */
public enum HybridVariant {
    /** (a) Fetch, then hash in the same virtual thread: the hashing occupies the scheduler's carriers. */
    SAME_VIRTUAL_THREAD("a · same virtual thread"),
    /** (b) Fetch on virtual threads, hash with {@code thenApplyAsync} on a platform pool sized to the cores. */
    CPU_POOL("b · CPU pool"),
    /** (c) Fetch on virtual threads, hash in a {@code ProcessPool}: the body crosses to a worker JVM. */
    PROCESS_POOL("c · process pool");

    private final String label;

    HybridVariant(String label) {
        this.label = label;
    }

    /** Returns a short label for charts and tables, e.g. {@code "b · CPU pool"}. */
    public String label() {
        return label;
    }
}
