package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Hand-made runs with known numbers, for the tests of the records, tables and charts. */
final class Synthetic {

    static final ExecutionSite FETCHER = new ExecutionSite(100, "fetch-0", true, "ForkJoinPool-1-worker-1");
    static final ExecutionSite HASHER = new ExecutionSite(100, "hash-0", false, "");
    static final ExecutionSite WORKER = new ExecutionSite(200, "process-worker-0", false, "");

    private Synthetic() {
    }

    /** Pages 0..n-1 fetched in (i+1) × 10 ms; every third page (2, 5, ...) failed with HTTP 500. */
    static List<HashedPage> pages(int n, ExecutionSite hasher) {
        List<HashedPage> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            URI uri = URI.create("http://127.0.0.1:1/page/" + i);
            Duration fetch = Duration.ofMillis(10L * (i + 1));
            pages.add(i % 3 == 2
                    ? new HashedPage(i, uri, -1, null, FETCHER, null, fetch, Duration.ZERO, "fetch: HTTP 500")
                    : new HashedPage(i, uri, 300, "ab".repeat(32), FETCHER, hasher, fetch, Duration.ofMillis(5), null));
        }
        return pages;
    }

    static HybridRun run(HybridVariant variant, int n, long millis) {
        ExecutionSite hasher = switch (variant) {
            case SAME_VIRTUAL_THREAD -> FETCHER;
            case CPU_POOL -> HASHER;
            case PROCESS_POOL -> WORKER;
        };
        return new HybridRun(variant, pages(n, hasher), Duration.ofMillis(millis),
                variant == HybridVariant.PROCESS_POOL ? Duration.ofMillis(900) : Duration.ZERO, 1000, 4);
    }

    static PipelineRun pipeline(int capacity, int... depths) {
        List<DepthSample> samples = new ArrayList<>();
        for (int i = 0; i < depths.length; i++) {
            samples.add(new DepthSample(10.0 * (i + 1), depths[i]));
        }
        return new PipelineRun(capacity, 4, 1, pages(6, HASHER), samples, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(2000), 7, 1234);
    }
}
