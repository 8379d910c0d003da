package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The records a crawl returns: counts, quantiles, summaries, and the digest-or-failure rule. */
class HybridRunTest {

    @Test
    @DisplayName("hashed and failures split the pages; fetch quantiles use nearest rank over fetched pages only")
    void countsAndQuantiles() {
        HybridRun run = Synthetic.run(HybridVariant.CPU_POOL, 9, 1500); // pages 2, 5, 8 failed
        assertEquals(6, run.hashed());
        assertEquals(3, run.failures().size());
        assertTrue(run.failures().stream().allMatch(p -> p.failedStage().equals("fetch")));
        // only the six fetched pages count: 10, 20, 40, 50, 70, 80 ms
        assertEquals(Duration.ofMillis(40), run.fetchQuantile(0.5));
        assertEquals(Duration.ofMillis(80), run.fetchQuantile(1));
        assertEquals(Duration.ofMillis(10), run.fetchQuantile(0));
        assertEquals(Duration.ofMillis(45), run.fetchMedian(), "the mean of the two middle ones, 40 and 50 ms");
        assertEquals(Duration.ofMillis(30), run.totalHashTime());
        var e = assertThrows(IllegalArgumentException.class, () -> run.fetchQuantile(1.5));
        assertEquals("q must be 0.0 to 1.0, got 1.5", e.getMessage());
    }

    @Test
    @DisplayName("the summary names the variant, the counts, the time and the pool's start-up")
    void summary() {
        String s = Synthetic.run(HybridVariant.PROCESS_POOL, 9, 1500).summary();
        assertTrue(s.startsWith("c · process pool: 9 pages, 6 hashed, 3 failed in 1.50 s (pool start 0.90 s)"), s);
        assertFalse(Synthetic.run(HybridVariant.CPU_POOL, 3, 100).summary().contains("pool start"));
    }

    @Test
    @DisplayName("a page has a digest or a failure, never both and never neither")
    void digestOrFailure() {
        URI uri = URI.create("http://127.0.0.1:1/page/0");
        assertThrows(IllegalArgumentException.class, () -> new HashedPage(0, uri, 1, "ab", null, null,
                Duration.ZERO, Duration.ZERO, "fetch: boom"));
        assertThrows(IllegalArgumentException.class, () -> new HashedPage(0, uri, 1, null, null, null,
                Duration.ZERO, Duration.ZERO, null));
        HashedPage failed = HashedPage.failed(3, uri, "deadline", "not done");
        assertFalse(failed.ok());
        assertEquals("deadline", failed.failedStage());
        assertEquals(-1, failed.bytes());
    }

    @Test
    @DisplayName("a pipeline run reports its deepest sample and the share of time its fetchers were blocked")
    void pipelineRun() {
        PipelineRun run = Synthetic.pipeline(4, 1, 3, 4, 2, 0);
        assertEquals(4, run.maxDepth());
        assertEquals(0.5, run.blockedShare(), 1e-9); // 2 s blocked over 4 fetchers × 1 s
        assertEquals(4, run.hashed());
        assertTrue(run.summary().startsWith("capacity 4: 6 pages, 4 hashed, 2 failed; max depth 4"), run.summary());
    }
}
