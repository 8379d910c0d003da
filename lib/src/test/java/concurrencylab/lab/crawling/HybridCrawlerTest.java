package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import concurrencylab.lab.server.LabServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three hybrid variants: one correct result per page, failures reported, bounded, nothing left behind. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HybridCrawlerTest {

    private static final int PAGES = 24;
    private static final int ROUNDS = 500;
    private static final HybridCrawler CRAWLER = HybridCrawler.create().withRounds(ROUNDS).withFetchConcurrency(6)
            .withProcessWorkers(2).withCpuThreads(2).withRequestTimeout(Duration.ofSeconds(10))
            .withDeadline(Duration.ofSeconds(60));

    @ParameterizedTest
    @EnumSource(HybridVariant.class)
    @DisplayName("every variant returns one result per page, in order, each with the digest MessageDigest computes")
    void oneCorrectResultPerPage(HybridVariant variant) throws Exception {
        List<String> expected = Pages.expectedDigests(PAGES, ROUNDS);
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            List<URI> uris = Pages.uris(server, PAGES);
            HybridRun run = CRAWLER.crawl(uris, variant);
            assertEquals(variant, run.variant());
            assertEquals(PAGES, run.pages().size());
            for (int i = 0; i < PAGES; i++) {
                HashedPage p = run.pages().get(i);
                assertEquals(i, p.index());
                assertEquals(uris.get(i), p.uri());
                assertTrue(p.ok(), "page " + i + " failed: " + p.failure());
                assertEquals(expected.get(i), p.sha256(), "digest of page " + i);
                assertTrue(p.bytes() > 0);
            }
            assertEquals(PAGES, run.hashed());
            assertTrue(run.failures().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(HybridVariant.class)
    @DisplayName("under injected 500s and resets every page is still reported: failed at the fetch stage or hashed right")
    void failuresReportedNotLost(HybridVariant variant) throws Exception {
        int pages = 40;
        List<String> expected = Pages.expectedDigests(pages, ROUNDS);
        try (LabServer server = LabServer.start(Pages.config(pages).withErrorRate(0.2).withResetRate(0.15))) {
            HybridRun run = CRAWLER.crawl(Pages.uris(server, pages), variant);
            assertEquals(pages, run.pages().size());
            for (int i = 0; i < pages; i++) {
                HashedPage p = run.pages().get(i);
                assertEquals(i, p.index());
                if (p.ok()) {
                    assertEquals(expected.get(i), p.sha256());
                } else {
                    assertEquals("fetch", p.failedStage(), p.failure());
                    assertNull(p.sha256());
                    assertNull(p.hashedBy());
                }
            }
            assertFalse(run.failures().isEmpty(), "35 % of requests fail, yet no page failed");
            assertTrue(run.failures().stream().anyMatch(p -> p.failure().contains("HTTP 500")),
                    "an injected 500 is reported as such: " + run.failures());
            assertEquals(pages, run.hashed() + run.failures().size());
        }
    }

    @Test
    @DisplayName("a stalled request fails at its own timeout and the crawl goes on without it")
    void stalledRequestTimesOut() throws Exception {
        int pages = 12;
        try (LabServer server = LabServer.start(Pages.config(pages).withStallRate(0.3).withStall(Duration.ofSeconds(60)))) {
            HybridRun run = CRAWLER.withRequestTimeout(Duration.ofMillis(400))
                    .crawl(Pages.uris(server, pages), HybridVariant.CPU_POOL);
            assertEquals(pages, run.pages().size());
            assertFalse(run.failures().isEmpty(), "30 % of requests stall, yet none failed");
            for (HashedPage p : run.failures()) {
                assertEquals("fetch", p.failedStage());
                assertTrue(p.failure().contains("HttpTimeoutException"), p.failure());
            }
            assertTrue(run.hashed() > 0);
        }
    }

    @Test
    @DisplayName("past the crawl's deadline the unfinished pages are reported at stage 'deadline' and no thread is left")
    void deadlineBoundsTheCrawl() throws Exception {
        int pages = 10;
        LeakCheck baseline = LeakCheck.snapshot(); // the server's sleeping handlers end only with the server
        try (LabServer server = LabServer.start(Pages.config(pages).withLatency(Duration.ofSeconds(30)))) {
            HybridRun run = CRAWLER.withFetchConcurrency(2).withDeadline(Duration.ofMillis(300))
                    .crawl(Pages.uris(server, pages), HybridVariant.SAME_VIRTUAL_THREAD);
            assertEquals(pages, run.pages().size());
            assertEquals(0, run.hashed());
            assertTrue(run.pages().stream().allMatch(p -> !p.ok()));
            assertTrue(run.pages().stream().anyMatch(p -> p.failedStage().equals("deadline")), run.failures().toString());
        }
        LeakReport leaks = baseline.leaksSince();
        assertTrue(leaks.isClean(), leaks.toString());
    }

    @ParameterizedTest
    @EnumSource(HybridVariant.class)
    @DisplayName("a crawl leaves no thread, child process or port behind")
    void noLeaks(HybridVariant variant) throws Exception {
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            List<URI> uris = Pages.uris(server, PAGES);
            List<HybridRun> runs = new ArrayList<>();
            LeakReport leaks = LeakCheck.around(() -> runs.add(CRAWLER.crawl(uris, variant)));
            assertTrue(leaks.isClean(), leaks.toString());
            assertEquals(PAGES, runs.getFirst().hashed());
        }
    }

    @ParameterizedTest
    @EnumSource(HybridVariant.class)
    @DisplayName("fetching runs on virtual threads here; hashing where the variant says, the process variant in another pid")
    void executionSiteOfEachStage(HybridVariant variant) throws Exception {
        long me = ProcessHandle.current().pid();
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            HybridRun run = CRAWLER.crawl(Pages.uris(server, PAGES), variant);
            for (HashedPage p : run.pages()) {
                assertTrue(p.fetchedBy().virtual(), p.fetchedBy().toString());
                assertEquals(me, p.fetchedBy().pid());
                switch (variant) {
                    case SAME_VIRTUAL_THREAD -> {
                        assertTrue(p.hashedBy().virtual());
                        assertEquals(p.fetchedBy().thread(), p.hashedBy().thread());
                        assertEquals(me, p.hashedBy().pid());
                    }
                    case CPU_POOL -> {
                        assertFalse(p.hashedBy().virtual());
                        assertTrue(p.hashedBy().thread().startsWith("hash-"), p.hashedBy().thread());
                        assertEquals(me, p.hashedBy().pid());
                    }
                    case PROCESS_POOL -> {
                        assertFalse(p.hashedBy().virtual());
                        assertNotEquals(me, p.hashedBy().pid(), "hashed in a worker JVM");
                    }
                }
            }
            if (variant == HybridVariant.PROCESS_POOL) {
                assertTrue(run.setup().compareTo(Duration.ZERO) > 0, "the pool's start is measured apart");
            }
        }
    }

    @Test
    @DisplayName("bad settings and inputs are refused with a message saying what is accepted")
    void validates() {
        var e = assertThrows(IllegalArgumentException.class, () -> HybridCrawler.create().withRounds(0));
        assertEquals("rounds must be 1 to 50000000, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HybridCrawler.create().withFetchConcurrency(0));
        assertEquals("fetchConcurrency must be 1 to 10000, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HybridCrawler.create().withDeadline(Duration.ZERO));
        assertEquals("deadline must be 1 ms to 30 min, got 0 s", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HybridCrawler.create().crawl(List.of(), HybridVariant.CPU_POOL));
        assertEquals("uris must be non-empty, got []", e.getMessage());
        List<URI> withNull = new ArrayList<>();
        withNull.add(null);
        var missing = assertThrows(NullPointerException.class,
                () -> HybridCrawler.create().crawl(withNull, HybridVariant.CPU_POOL));
        assertEquals("uris[0] must not be null", missing.getMessage());
    }

    @Test
    @DisplayName("the bounds: I/O = latency × ceil(pages / limit), CPU = sequential hashing / cores")
    void boundsFollowTheirFormulas() throws Exception {
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            HybridBounds b = HybridBounds.measure(CRAWLER, Pages.uris(server, PAGES), Duration.ofMillis(5));
            assertEquals(Duration.ofMillis(5).multipliedBy(4), b.ioBound()); // 24 pages, 6 at a time
            assertEquals(b.sequentialHash().dividedBy(Runtime.getRuntime().availableProcessors()), b.cpuBound());
            assertEquals(b.ioBound().compareTo(b.cpuBound()) >= 0 ? b.ioBound() : b.cpuBound(), b.floor());
            assertEquals(PAGES, b.pages());
        }
    }
}
