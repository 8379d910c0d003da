package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabCounters;
import concurrencylab.lab.server.LabServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same assertions over every crawler: the async chain, virtual threads, and a fixed pool. */
class PageCrawlerTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    /**
     * Loads the HTTP client's classes once: in a cold JVM on a busy machine the first request
     * can take several times the server's latency, which would blur the timeout tests
     * ({@code datasets/reference/MACHINE.md}, section "Tests", has the figure).
     */
    @BeforeAll
    static void warmUp() throws InterruptedException {
        try (LabServer server = LabServer.start()) {
            for (var crawler : List.of(AsyncCrawler.create(), BlockingCrawler.virtualThreads())) {
                crawler.crawl(server.pageUri(0), CrawlOptions.pages(3).withRequestTimeout(Duration.ofSeconds(30)));
            }
        }
    }

    static Stream<Arguments> crawlers() {
        return Stream.of(Arguments.of(AsyncCrawler.create()), Arguments.of(BlockingCrawler.virtualThreads()),
                Arguments.of(BlockingCrawler.fixedPool(4)));
    }

    private static LabConfig site() {
        return LabConfig.DEFAULTS.withLatency(Duration.ofMillis(20)).withJitter(Duration.ofMillis(60)).withSeed(7L)
                .withPages(200).withLinksPerPage(5);
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("pages are reported in completion order, which differs from submission order under jitter")
    void reportsInCompletionOrder(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site())) {
                List<CrawlOutcome> seen = Collections.synchronizedList(new ArrayList<>());
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(40), seen::add);
                List<CrawlOutcome> outcomes = report.outcomes();
                assertEquals(40, outcomes.size(), report::summary);
                assertEquals(outcomes, seen, "the callback saw the same outcomes in the same order");
                for (int i = 0; i < outcomes.size(); i++) {
                    assertEquals(i + 1, outcomes.get(i).completed());
                    if (i > 0) {
                        assertTrue(outcomes.get(i).endedAt().compareTo(outcomes.get(i - 1).endedAt()) >= 0,
                                "completion times never go backwards at " + i);
                    }
                }
                assertTrue(report.completionDiffersFromSubmission(), () -> report.orderTable(40).print());
                assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(),
                        report.inSubmissionOrder().stream().map(CrawlOutcome::submitted).toList());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("every scheduled page has exactly one outcome and every link was followed while the budget lasted")
    void nothingLost(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site().withSeed(2L).withErrorRate(0.15).withResetRate(0.1))) {
                CrawlReport report = crawler.crawl(server.pageUri(0),
                        CrawlOptions.pages(60).withConcurrency(8).withRequestTimeout(Duration.ofSeconds(5)));
                Set<URI> scheduled = report.outcomes().stream().map(CrawlOutcome::uri).collect(Collectors.toSet());
                assertEquals(report.outcomes().size(), scheduled.size(), "no page has two outcomes");
                assertFalse(report.deadlineHit());
                assertTrue(report.outcomes().size() >= 20, report::summary);
                assertTrue(report.counts().containsKey(CrawlStatus.OK), report::summary);
                assertFalse(report.failures().isEmpty(), report::summary);
                report.failures().forEach(f -> assertFalse(f.cause().isBlank(), f::toString));
                if (report.outcomes().size() < 60) { // budget not spent: every link found was scheduled
                    report.outcomes().forEach(o -> assertTrue(scheduled.containsAll(o.links()), o::toString));
                }
                // one request per page, plus HttpClient's own retry of a GET whose reused connection closed
                LabCounters counters = server.counters();
                long extra = counters.requests() - report.outcomes().size();
                assertTrue(extra >= 0 && extra <= counters.resets(), counters::toString);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("crawling the whole of a small site gives the same pages and titles whichever crawler runs")
    void sameResultsEveryCrawler(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            CrawlReport reference;
            CrawlReport report;
            try (LabServer a = LabServer.start(site().withPages(30));
                 LabServer b = LabServer.start(site().withPages(30))) {
                reference = AsyncCrawler.create().crawl(a.pageUri(0), CrawlOptions.pages(100).withConcurrency(5));
                report = crawler.crawl(b.pageUri(0), CrawlOptions.pages(100).withConcurrency(5));
            }
            assertEquals(titlesByPath(reference), titlesByPath(report));
            assertTrue(report.ok() > 1, report::summary);
        });
    }

    private static Set<String> titlesByPath(CrawlReport report) {
        return report.outcomes().stream().map(o -> o.path() + " " + o.title() + " " + o.links().stream()
                .map(URI::getPath).toList()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("an HTTP 500 is reported for its URL with its status, and the crawl ends")
    void http500IsReported(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site().withErrorRate(1.0))) {
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(10));
                CrawlOutcome only = single(report);
                assertEquals(CrawlStatus.HTTP_ERROR, only.status());
                assertEquals(500, only.httpStatus());
                assertEquals("HTTP 500", only.cause());
                assertEquals(server.pageUri(0), only.uri());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("a reset connection is reported for its URL as RESET with the I/O error")
    void resetIsReported(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site().withResetRate(1.0))) {
                CrawlOutcome only = single(crawler.crawl(server.pageUri(0), CrawlOptions.pages(10)));
                assertEquals(CrawlStatus.RESET, only.status(), only::toString);
                assertEquals(0, only.httpStatus());
                assertFalse(only.cause().isBlank());
                // HttpClient repeats a GET once when the connection closes before any response byte
                assertTrue(server.counters().requests() <= 2, server.counters()::toString);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("a stalled request is reported as TIMEOUT after the per-request timeout, long before the stall ends")
    void stallTimesOut(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site().withStallRate(1.0).withStall(Duration.ofSeconds(60)))) {
                Duration timeout = Duration.ofMillis(300);
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(10).withRequestTimeout(timeout));
                CrawlOutcome only = single(report);
                assertEquals(CrawlStatus.TIMEOUT, only.status(), only::toString);
                // HttpClient's timer counts whole milliseconds from its own start, a few microseconds
                // before the crawler's sentAt: it may fire up to 1 ms short of our own measure.
                assertTrue(only.fetchTime().compareTo(timeout.minusMillis(1)) >= 0, only::toString);
                assertTrue(report.elapsed().compareTo(Duration.ofSeconds(10)) < 0, report::summary);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("the overall deadline ends the crawl: every open page gets a DEADLINE outcome and no thread is left")
    void deadlineEndsEverything(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            try (LabServer server = LabServer.start(site().withStallRate(0.5).withStall(Duration.ofSeconds(60)))) {
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(50).withConcurrency(6)
                        .withRequestTimeout(Duration.ofSeconds(20)).withDeadline(Duration.ofMillis(600)));
                assertTrue(report.deadlineHit(), report::summary);
                assertTrue(report.counts().getOrDefault(CrawlStatus.DEADLINE, 0) > 0, report::summary);
                assertTrue(report.elapsed().compareTo(Duration.ofSeconds(5)) < 0, report::summary);
                Set<URI> distinct = new HashSet<>();
                report.outcomes().forEach(o -> assertTrue(distinct.add(o.uri()), "two outcomes for " + o.uri()));
            }
            LeakReport leaks = baseline.leaksSince();
            assertTrue(leaks.isClean(), leaks::toString);
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("with a concurrency limit at the server's limit, the server never refuses a request")
    void limitAvoids429(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site().withMaxConcurrent(4))) {
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(40).withConcurrency(4));
                assertEquals(0, server.counters().rejected429(), report::summary);
                assertTrue(server.counters().peakConcurrency() <= 4);
                assertEquals(40, report.ok(), report::summary);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("a crawl leaves no thread behind: its HttpClient and executors are closed")
    void noThreadLeft(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site())) {
                LeakCheck baseline = LeakCheck.snapshot();
                crawler.crawl(server.pageUri(0), CrawlOptions.pages(20));
                LeakReport leaks = baseline.leaksSince();
                assertTrue(leaks.isClean(), leaks::toString);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("a callback that throws does not vanish: the crawl ends, then throws IllegalStateException")
    void callbackFailureSurfaces(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site())) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> crawler.crawl(server.pageUri(0), CrawlOptions.pages(5), page -> {
                            throw new ArithmeticException("boom in the callback");
                        }));
                assertEquals("boom in the callback", e.getCause().getMessage());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("crawlers")
    @DisplayName("time spent waiting for a concurrency slot does not count against the request timeout")
    void queueingIsNotTimed(PageCrawler crawler) {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)))) {
                // one at a time: the last page waits ~1.4 s for its slot, beyond the 1 s timeout
                // (which leaves a cold JVM's first request 900 ms of slack)
                Duration timeout = Duration.ofSeconds(1);
                CrawlReport report = crawler.crawl(server.pageUri(0), CrawlOptions.pages(15).withConcurrency(1)
                        .withRequestTimeout(timeout));
                assertEquals(15, report.ok(), () -> report.summary() + "\n" + report.orderTable(15).print());
                CrawlOutcome last = report.outcomes().getLast();
                assertTrue(last.sentAt().minus(last.queuedAt()).compareTo(timeout) > 0, last::toString);
            }
        });
    }

    @Test
    @DisplayName("a blocking crawler on a pool of one thread cannot starve: no task waits for another")
    void poolOfOneCompletes() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site())) {
                CrawlReport report = BlockingCrawler.fixedPool(1).crawl(server.pageUri(0), CrawlOptions.pages(10));
                assertEquals(10, report.ok(), report::summary);
                assertFalse(report.deadlineHit());
            }
        });
    }

    @Test
    @DisplayName("the order chart has one dot per page and the diagonal")
    void orderChart() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LabServer server = LabServer.start(site())) {
                CrawlReport report = AsyncCrawler.create().crawl(server.pageUri(0), CrawlOptions.pages(12));
                var chart = report.orderChart();
                assertEquals(12, chart.getSeriesMap().get("pages").getXData().length);
                assertEquals(2, chart.getSeriesMap().size());
            }
        });
    }

    @Test
    @DisplayName("a start page off loopback is refused before any traffic")
    void refusesRemoteStart() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AsyncCrawler.create().crawl(URI.create("http://192.0.2.1/page/0"), CrawlOptions.pages(1)));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BlockingCrawler.virtualThreads().crawl(URI.create("ftp://127.0.0.1/x"), CrawlOptions.pages(1)));
    }

    @Test
    @DisplayName("options out of range are refused with a message naming the option")
    void validatesOptions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrawlOptions.pages(0))
                .getMessage().contains("maxPages"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrawlOptions.pages(1).withConcurrency(-1))
                .getMessage().contains("concurrency"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CrawlOptions.pages(1).withRequestTimeout(Duration.ZERO)).getMessage().contains("requestTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CrawlOptions.pages(1).withDeadline(Duration.ofHours(2))).getMessage().contains("deadline"));
        assertThrows(IllegalArgumentException.class, () -> BlockingCrawler.fixedPool(0));
        assertThrows(IllegalArgumentException.class, () -> AsyncCrawler.create().withHandlerThreads(0));
    }

    private static CrawlOutcome single(CrawlReport report) {
        assertEquals(1, report.outcomes().size(), report::summary);
        return report.outcomes().getFirst();
    }
}
