package concurrencylab.lab.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncDownloaderTest {

    @Test
    @DisplayName("sendAsync downloads every URL; the report future completes with one outcome per URL in order")
    void downloadsEveryUrl() throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(50)).withImageBytes(1000);
        try (LabServer server = LabServer.start(config); HttpClient client = HttpClient.newHttpClient()) {
            List<URI> uris = server.imageUris(50);
            DownloadReport report = AsyncDownloader.using(client).downloadAsync(uris).get(30, TimeUnit.SECONDS);
            assertEquals(uris, report.outcomes().stream().map(DownloadOutcome::uri).toList());
            assertEquals(50, report.okCount(), report::toString);
            assertEquals(50_000L, report.totalBytes());
            assertEquals(50, server.counters().served());
        }
    }

    @Test
    @DisplayName("500s, resets and timeouts become failure outcomes: the future of the report never fails")
    void faultsBecomeOutcomes() throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withErrorRate(0.3).withResetRate(0.3).withStallRate(0.3)
                .withStall(Duration.ofSeconds(30)).withSeed(11);
        try (LabServer server = LabServer.start(config); HttpClient client = HttpClient.newHttpClient()) {
            List<URI> uris = server.imageUris(30);
            long start = System.nanoTime();
            DownloadReport report = AsyncDownloader.using(client).withRequestTimeout(Duration.ofMillis(400))
                    .downloadAsync(uris).get(30, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos());
            assertEquals(30, report.outcomes().size());
            assertEquals(server.counters().served(), report.okCount());
            assertTrue(report.failuresByCause().keySet().stream().anyMatch(c -> c.startsWith("timeout after 400 ms")),
                    report.failuresByCause()::toString);
            assertTrue(report.failuresByCause().containsKey("HTTP 500"), report.failuresByCause()::toString);
            assertTrue(report.outcomes().stream().allMatch(o -> o.ok() || !o.failure().isBlank()));
        }
    }

    @Test
    @DisplayName("the blocking download gives up at its deadline and reports what is unfinished")
    void deadlineReportsUnfinished() {
        LabConfig config = LabConfig.DEFAULTS.withStallRate(1).withStall(Duration.ofSeconds(30));
        try (LabServer server = LabServer.start(config); HttpClient client = HttpClient.newHttpClient()) {
            long start = System.nanoTime();
            DownloadReport report = AsyncDownloader.using(client).withRequestTimeout(Duration.ofSeconds(2))
                    .withDeadline(Duration.ofMillis(300)).download(server.imageUris(5));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), report::toString);
            assertEquals(5, report.failedCount());
            assertTrue(report.outcomes().stream().allMatch(o -> o.failure().startsWith("not finished by the deadline")));
        }
    }

    @Test
    @DisplayName("a non-loopback URL is rejected with IllegalArgumentException, a missing client with NullPointerException")
    void rejectsBadInput() {
        assertEquals("client must not be null", assertThrows(NullPointerException.class,
                () -> AsyncDownloader.using(null)).getMessage());
        try (HttpClient client = HttpClient.newHttpClient()) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> AsyncDownloader.using(client).downloadAsync(List.of(URI.create("http://10.0.0.1/"))));
            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        }
    }
}
