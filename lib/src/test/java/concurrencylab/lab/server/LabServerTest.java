package concurrencylab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabServerTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(CLIENT_TIMEOUT).build();
    }

    private static HttpResponse<byte[]> fetch(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(get(uri), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @DisplayName("an image request takes at least the latency and returns imageBytes bytes of octet-stream")
    void imageHonoursLatency() throws Exception {
        Duration latency = Duration.ofMillis(150);
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(latency).withImageBytes(5000));
             HttpClient client = client()) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = fetch(client, server.imageUri(7));
            long elapsed = System.nanoTime() - start;
            assertEquals(200, response.statusCode());
            assertEquals(5000, response.body().length);
            assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(elapsed >= latency.toNanos(), "took " + elapsed / 1e6 + " ms, less than " + latency);
        }
    }

    @Test
    @DisplayName("the same seed gives the same jitter sequence, a different seed another, all within latency..latency+jitter")
    void jitterFollowsTheSeed() throws Exception {
        Duration latency = Duration.ofMillis(5);
        Duration jitter = Duration.ofMillis(30);
        List<List<Duration>> runs = new ArrayList<>();
        for (long seed : new long[] {7, 7, 8}) {
            LabConfig config = LabConfig.DEFAULTS.withLatency(latency).withJitter(jitter).withSeed(seed);
            try (LabServer server = LabServer.start(config); HttpClient client = client()) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(200, fetch(client, server.imageUri(i)).statusCode());
                }
                runs.add(server.appliedDelays());
            }
        }
        assertEquals(12, runs.get(0).size());
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0), runs.get(2));
        for (List<Duration> run : runs) {
            assertTrue(run.stream().allMatch(d -> d.compareTo(latency) >= 0 && d.compareTo(latency.plus(jitter)) <= 0), run::toString);
            assertTrue(run.stream().distinct().count() > 1, () -> "jitter should vary: " + run);
        }
    }

    @Test
    @DisplayName("a page has its title and links to other existing pages, the same for the same seed")
    void pagesLinkToOtherPages() throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withPages(50).withLinksPerPage(4).withSeed(3);
        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            try (LabServer server = LabServer.start(config); HttpClient client = client()) {
                HttpResponse<String> response = client.send(get(server.pageUri(9)), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
                bodies.add(response.body());
            }
        }
        String html = bodies.get(0);
        assertEquals(html, bodies.get(1));
        assertTrue(html.contains("<title>Page 9</title>"), html);
        Matcher links = Pattern.compile("<a href=\"/page/(\\d+)\">").matcher(html);
        List<Integer> targets = new ArrayList<>();
        while (links.find()) {
            targets.add(Integer.parseInt(links.group(1)));
        }
        assertEquals(4, targets.size(), html);
        assertEquals(4, targets.stream().distinct().count(), html);
        assertTrue(targets.stream().allMatch(m -> m != 9 && m >= 0 && m < 50), targets::toString);
    }

    @Test
    @DisplayName("unknown paths, pages out of range and malformed numbers get 404 and count as notFound")
    void unknownPathsAre404() throws Exception {
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withPages(3)); HttpClient client = client()) {
            for (String path : List.of("", "nothing", "page/3", "page/-1", "img/x", "img/", "page/99999999999")) {
                assertEquals(404, fetch(client, server.baseUri().resolve(path)).statusCode(), path);
            }
            assertEquals(7, server.counters().notFound());
            assertEquals(0, server.counters().served());
        }
    }

    @Test
    @DisplayName("errorRate 1 answers every request with HTTP 500 and counts it")
    void errorFaultAnswers500() throws Exception {
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withErrorRate(1.0)); HttpClient client = client()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(500, fetch(client, server.imageUri(i)).statusCode());
            }
            LabCounters c = server.counters();
            assertEquals(3, c.errors500());
            assertEquals(0, c.served());
        }
    }

    @Test
    @DisplayName("resetRate 1 closes the connection without a response: the client sees an IOException")
    void resetFaultIsAnIOException() throws Exception {
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withResetRate(1.0)); HttpClient client = client()) {
            IOException e = assertThrows(IOException.class, () -> fetch(client, server.imageUri(1)));
            assertTrue(!(e instanceof HttpTimeoutException), "a reset must fail fast, not time out: " + e);
            assertTrue(server.counters().resets() >= 1, server.counters()::toString);
            assertEquals(0, server.counters().served());
        }
    }

    @Test
    @DisplayName("a stalled request is ended by the client's timeout, and close() ends the stall at once")
    void stallEndsByClientTimeout() throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withStallRate(1.0).withStall(Duration.ofSeconds(30));
        LabServer server = LabServer.start(config);
        try (server; HttpClient client = client()) {
            HttpRequest request = HttpRequest.newBuilder(server.imageUri(0)).timeout(Duration.ofMillis(300)).build();
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            assertEquals(1, server.counters().stalls());
        }
        // the stall was still hanging on the server: close() must have ended it well before 30 s
        assertTrue(server.isClosed());
        assertEquals(0, server.counters().inFlight());
    }

    @Test
    @DisplayName("over maxConcurrent a request gets HTTP 429 at once while the admitted ones are held")
    void overLimitGets429() throws Exception {
        int limit = 3;
        Duration hold = Duration.ofSeconds(30);
        LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(hold).withMaxConcurrent(limit));
        CountDownLatch admitted = new CountDownLatch(limit);
        server.onAdmitted(admitted::countDown);
        List<CompletableFuture<HttpResponse<Void>>> held = new ArrayList<>();
        try (server; HttpClient client = client()) {
            for (int i = 0; i < limit; i++) {
                held.add(client.sendAsync(get(server.imageUri(i)), HttpResponse.BodyHandlers.discarding()));
            }
            assertTrue(admitted.await(10, TimeUnit.SECONDS), "the held requests were not all admitted");
            long start = System.nanoTime();
            HttpResponse<byte[]> refused = fetch(client, server.imageUri(99));
            long elapsed = System.nanoTime() - start;
            assertEquals(429, refused.statusCode());
            assertTrue(elapsed < hold.toNanos() / 3, "a 429 must come at once, took " + elapsed / 1e6 + " ms");
            LabCounters c = server.counters();
            assertEquals(1, c.rejected429());
            assertEquals(limit, c.peakConcurrency());
            assertEquals(limit, c.inFlight());
            assertTrue(held.stream().noneMatch(CompletableFuture::isDone), "held requests must still be waiting");
        }
        for (var f : held) { // close() cut the held requests: each fails, none hangs
            assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("counters count requests, served, 404s and the peak; resetCounters sets them back to zero")
    void countersCountAndReset() throws Exception {
        try (LabServer server = LabServer.start(); HttpClient client = client()) {
            for (int i = 0; i < 4; i++) {
                assertEquals(200, fetch(client, server.imageUri(i)).statusCode());
            }
            assertEquals(200, fetch(client, server.pageUri(0)).statusCode());
            assertEquals(404, fetch(client, server.baseUri().resolve("nope")).statusCode());
            LabCounters c = server.counters();
            assertEquals(6, c.requests());
            assertEquals(5, c.served());
            assertEquals(1, c.notFound());
            assertEquals(1, c.peakConcurrency());
            assertEquals(0, c.inFlight());
            assertEquals(9, c.toTable().rowCount());
            assertEquals(5L, c.toTable().where(c.toTable().stringColumn("kind").isEqualTo("served (200)"))
                    .longColumn("count").get(0));
            server.resetCounters();
            assertEquals(new LabCounters(0, 0, 0, 0, 0, 0, 0, 0, 0), server.counters());
        }
    }

    @Test
    @DisplayName("after close() no server thread or listening port is left, even with requests held and stalled")
    void closeLeavesNothingBehind() throws Exception {
        LeakCheck baseline = LeakCheck.snapshot();
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofSeconds(20)).withStallRate(0.5)
                .withStall(Duration.ofSeconds(30));
        LabServer server = LabServer.start(config);
        CountDownLatch admitted = new CountDownLatch(6);
        server.onAdmitted(admitted::countDown);
        List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        try (HttpClient client = client()) {
            for (int i = 0; i < 6; i++) {
                pending.add(client.sendAsync(get(server.imageUri(i)), HttpResponse.BodyHandlers.discarding()));
            }
            assertTrue(admitted.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - start < LabServer.CLOSE_WAIT.toNanos(), "close() took too long");
            for (var f : pending) {
                assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            }
        }
        LeakReport report = baseline.leaksSince();
        assertTrue(report.isClean(), report::toString);
    }

    @Test
    @DisplayName("a port in use is rejected with IllegalArgumentException naming the port")
    void portInUseIsRejected() {
        try (LabServer first = LabServer.start()) {
            int port = first.port();
            var e = assertThrows(IllegalArgumentException.class,
                    () -> LabServer.start(LabConfig.DEFAULTS.withPort(port)));
            assertTrue(e.getMessage().contains(String.valueOf(port)) && e.getMessage().contains("in use"), e.getMessage());
        }
    }

    @Test
    @DisplayName("URIs are on 127.0.0.1 at the server's port; bad image and page numbers are rejected")
    void urisPointAtTheServer() {
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withPages(10))) {
            assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.baseUri());
            assertEquals(server.baseUri().resolve("img/7"), server.imageUri(7));
            assertEquals(server.baseUri().resolve("page/0"), server.pageUri(0));
            List<URI> images = server.imageUris(200);
            assertEquals(200, images.size());
            assertEquals(server.imageUri(199), images.get(199));
            assertThrows(IllegalArgumentException.class, () -> server.imageUri(-1));
            assertThrows(IllegalArgumentException.class, () -> server.pageUri(10));
            assertThrows(IllegalArgumentException.class, () -> server.imageUris(-1));
        }
    }
}
