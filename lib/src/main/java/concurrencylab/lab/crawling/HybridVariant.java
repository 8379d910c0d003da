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
    SAME_VIRTUAL_THREAD("a · same virtual thread", "fetch and hash on one virtual thread"),
    /** (b) Fetch on virtual threads, hash with {@code thenApplyAsync} on a platform pool sized to the cores. */
    CPU_POOL("b · CPU pool", "fetch on virtual threads, hash on a platform pool of cores threads"),
    /** (c) Fetch on virtual threads, hash in a {@code ProcessPool}: the body crosses to a worker JVM. */
    PROCESS_POOL("c · process pool", "fetch on virtual threads, hash in worker JVMs");

    private final String label;
    private final String description;

    HybridVariant(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Returns a short label for charts and tables, e.g. {@code "b · CPU pool"}. */
    public String label() {
        return label;
    }

    /** Returns one sentence saying where each stage runs. */
    public String description() {
        return description;
    }
}
