package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrawlComparisonTest {

    @Test
    @DisplayName("each crawler crawls the same number of pages and none beats the latency bound")
    void timesRespectTheBound() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            LabConfig site = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(30)).withJitter(Duration.ofMillis(10));
            CrawlComparison c = CrawlComparison.run(site, CrawlOptions.pages(24).withConcurrency(4), 1);
            assertEquals(3, c.rows().size());
            for (CrawlComparison.Row row : c.rows()) {
                assertEquals(24, row.pages(), row::toString);
                assertEquals(24, row.ok(), row::toString);
                // 24 pages, 4 at a time, each at least 30 ms: at least 6 rounds
                assertTrue(row.bound().compareTo(Duration.ofMillis(180)) >= 0, row::toString);
                assertTrue(row.median().compareTo(row.bound()) >= 0, row::toString);
            }
            assertEquals(3, c.table().rowCount());
            assertEquals(2, c.chart().getSeriesMap().size());
        });
    }

    @Test
    @DisplayName("a comparison without a concurrency limit is refused: the fixed pool needs a size")
    void needsALimit() {
        assertThrows(IllegalArgumentException.class,
                () -> CrawlComparison.run(LabConfig.DEFAULTS, CrawlOptions.pages(5), 1));
    }
}
