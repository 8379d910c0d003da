package concurrencylab.lab.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.exec.ExecutorKind;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DownloaderTest {
    private static final int WORKERS = 4;

    private static void assertOneOutcomePerUrl(List<URI> uris, DownloadReport report) {
        assertEquals(uris, report.outcomes().stream().map(DownloadOutcome::uri).toList(), "one outcome per URL, in order");
        for (DownloadOutcome o : report.outcomes()) {
            assertTrue(o.ok() == o.failure().isEmpty());
            assertTrue(o.ok() || !o.failure().isBlank(), () -> "a failure must name its cause: " + o);
        }
    }

    private static void warmUp(ExecutorService pool) {
        try (LabServer server = LabServer.start()) {
            DownloadReport warm = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(20)).download(server.imageUris(2 * WORKERS));
            assertEquals(2 * WORKERS, warm.okCount(), warm::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("on a clean server every URL is downloaded once, in full, with who ran it")
    void allOkOnACleanServer(ExecutorKind kind) {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(20)).withImageBytes(3000);
        try (LabServer server = LabServer.start(config); ExecutorService pool = kind.create(WORKERS)) {
            List<URI> uris = server.imageUris(24);
            DownloadReport report = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(10)).download(uris);
            assertOneOutcomePerUrl(uris, report);
            assertEquals(24, report.okCount(), report::toString);
            assertEquals(24 * 3000L, report.totalBytes());
            assertEquals(24, server.counters().served());
            assertTrue(report.outcomes().stream().allMatch(o -> o.status() == 200 && o.ranBy() != null));
            assertTrue(report.outcomes().stream().allMatch(o -> o.elapsed().toMillis() >= 20));
            if (kind == ExecutorKind.PROCESS) {
                long here = ProcessHandle.current().pid();
                assertTrue(report.outcomes().stream().noneMatch(o -> o.ranBy().pid() == here),
                        "a process pool must run requests in worker JVMs");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("500s, resets and stalls each become a failure outcome naming its cause, none missing, in bounded time")
    void everyFaultIsAnOutcome(ExecutorKind kind) {
        record Fault(LabConfig config, Duration timeout, String cause) {
        }
        List<Fault> faults = List.of(
                new Fault(LabConfig.DEFAULTS.withErrorRate(1), Duration.ofSeconds(10), "HTTP 500"),
                new Fault(LabConfig.DEFAULTS.withResetRate(1), Duration.ofSeconds(10), "IOException"),
                new Fault(LabConfig.DEFAULTS.withStallRate(1).withStall(Duration.ofSeconds(30)), Duration.ofMillis(400),
                        "timeout after 400 ms"));
        try (ExecutorService pool = kind.create(WORKERS)) {
            warmUp(pool); // a worker JVM's first request loads HttpClient's classes: slower than 400 ms
            for (Fault fault : faults) {
                Duration timeout = fault.timeout();
                try (LabServer server = LabServer.start(fault.config())) {
                    List<URI> uris = server.imageUris(8);
                    long start = System.nanoTime();
                    DownloadReport report = Downloader.on(pool).withRequestTimeout(timeout).download(uris);
                    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "took too long: " + report);
                    assertOneOutcomePerUrl(uris, report);
                    assertEquals(8, report.failedCount(), report::toString);
                    assertTrue(report.outcomes().stream().allMatch(o -> o.failure().contains(fault.cause())),
                            () -> fault.cause() + " expected in every failure: " + report.failuresByCause());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("with mixed faults every URL still has exactly one outcome and the ok ones match the server's count")
    void mixedFaultsLoseNothing(ExecutorKind kind) {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(10)).withErrorRate(0.2).withResetRate(0.2)
                .withStallRate(0.2).withStall(Duration.ofSeconds(30)).withSeed(5);
        try (ExecutorService pool = kind.create(WORKERS)) {
            warmUp(pool);
            try (LabServer server = LabServer.start(config)) {
                List<URI> uris = server.imageUris(40);
                DownloadReport report = Downloader.on(pool).withRequestTimeout(Duration.ofMillis(500)).download(uris);
                assertOneOutcomePerUrl(uris, report);
                assertEquals(40, report.okCount() + report.failedCount());
                assertTrue(report.failedCount() > 0 && report.okCount() > 0, report::toString);
                assertEquals(server.counters().served(), report.okCount(), report::toString);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("the whole download gives up at its deadline: unfinished requests are cancelled and reported")
    void deadlineBoundsTheDownload(ExecutorKind kind) {
        LabConfig config = LabConfig.DEFAULTS.withStallRate(1).withStall(Duration.ofSeconds(60));
        try (LabServer server = LabServer.start(config); ExecutorService pool = kind.create(WORKERS)) {
            List<URI> uris = server.imageUris(4);
            long start = System.nanoTime();
            DownloadReport report = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(60))
                    .withDeadline(Duration.ofMillis(700)).download(uris);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), report::toString);
            assertOneOutcomePerUrl(uris, report);
            assertTrue(report.outcomes().stream().allMatch(o -> o.failure().startsWith("not finished by the deadline")),
                    () -> report.failuresByCause().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("withConcurrency(n) keeps at most n requests in flight: a server refusing more than n answers no 429")
    void limitKeepsRequestsUnderTheServersCap(ExecutorKind kind) {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(30)).withMaxConcurrent(3);
        try (LabServer server = LabServer.start(config); ExecutorService pool = kind.create(WORKERS)) {
            List<URI> uris = server.imageUris(24);
            DownloadReport report = Downloader.on(pool).withConcurrency(3)
                    .withRequestTimeout(Duration.ofSeconds(10)).download(uris);
            assertOneOutcomePerUrl(uris, report);
            assertEquals(0, server.counters().rejected429(), report::toString);
            assertEquals(24, report.okCount(), report::toString);
            assertTrue(server.counters().peakConcurrency() <= 3);
            assertTrue(report.engine().endsWith(", at most 3 in flight"), report.engine());
        }
    }

    @Test
    @DisplayName("without a limit, 24 requests on virtual threads hit a server capped at 3 and some get 429")
    void withoutLimitTheCapRefuses() {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)).withMaxConcurrent(3);
        try (LabServer server = LabServer.start(config); ExecutorService pool = ExecutorKind.VIRTUAL.create(1)) {
            DownloadReport report = Downloader.on(pool).download(server.imageUris(24));
            assertTrue(report.failuresByCause().getOrDefault("HTTP 429", 0L) > 0, report::toString);
            assertEquals(server.counters().rejected429(), report.failuresByCause().get("HTTP 429").longValue());
        }
    }

    @Test
    @DisplayName("a malformed, non-http or non-loopback URL is rejected before any request, naming it and its position")
    void badUrlsAreRejected() {
        try (ExecutorService pool = ExecutorKind.VIRTUAL.create(1)) {
            Downloader d = Downloader.on(pool);
            var malformed = assertThrows(IllegalArgumentException.class,
                    () -> d.downloadUrls(List.of("http://127.0.0.1:9/img/0", "http://127.0.0.1:9/img 1")));
            assertTrue(malformed.getMessage().startsWith("urls[1] must be a valid URL (Illegal character in path"),
                    malformed.getMessage());
            var remote = assertThrows(IllegalArgumentException.class, () -> d.downloadUrls(List.of("http://example.com/")));
            assertTrue(remote.getMessage().startsWith("uris[0] must be a URL on loopback"), remote.getMessage());
            var ftp = assertThrows(IllegalArgumentException.class, () -> d.downloadUrls(List.of("ftp://127.0.0.1/x")));
            assertEquals("uris[0] must be an http:// or https:// URL, got 'ftp://127.0.0.1/x'", ftp.getMessage());
            assertEquals("uris must not be null", assertThrows(NullPointerException.class, () -> d.download(null)).getMessage());
            var zero = assertThrows(IllegalArgumentException.class, () -> d.withRequestTimeout(Duration.ZERO));
            assertEquals("requestTimeout must be 1 ms to 10 min, got 0 s", zero.getMessage());
            var negative = assertThrows(IllegalArgumentException.class, () -> d.withConcurrency(-1));
            assertTrue(negative.getMessage().startsWith("concurrency must be 0 (no limit) or 1 to 100000"), negative.getMessage());
            assertThrows(NullPointerException.class, () -> Downloader.on(null));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("the report names the engine: platform pool, virtual threads or process pool")
    void reportNamesTheEngine(ExecutorKind kind) {
        try (LabServer server = LabServer.start(); ExecutorService pool = kind.create(2)) {
            String engine = Downloader.on(pool).download(server.imageUris(2)).engine();
            String expected = switch (kind) {
                case PLATFORM -> "platform pool (2 threads)";
                case VIRTUAL -> "virtual threads";
                case PROCESS -> "process pool (2 JVMs)";
            };
            assertEquals(expected, engine);
            assertFalse(engine.isBlank());
        }
    }

    @Test
    @DisplayName("a pool of one is named in the singular: 'platform pool (1 thread)', not '1 threads'")
    void aPoolOfOneIsNamedInTheSingular() {
        try (LabServer server = LabServer.start(); ExecutorService pool = ExecutorKind.PLATFORM.create(1)) {
            assertEquals("platform pool (1 thread)", Downloader.on(pool).download(server.imageUris(1)).engine());
        }
    }
}
