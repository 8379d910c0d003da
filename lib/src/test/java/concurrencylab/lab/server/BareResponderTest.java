package concurrencylab.lab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BareResponderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static HttpResponse<byte[]> fetch(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code request} on a new socket and returns everything the responder sends before it closes. */
    private static String exchange(BareResponder responder, String request) throws IOException {
        URI uri = responder.imageUri(0);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @DisplayName("it serves the lab server's image bytes after the latency, keeping the connection for the next request")
    void servesTheLabServersBytesOnAKeptConnection() throws Exception {
        LabConfig config = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(50)).withImageBytes(3000).withSeed(7);
        try (BareResponder responder = BareResponder.start(config, 10);
             LabServer lab = LabServer.start(config);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build()) {
            for (int n : new int[] {3, 9}) {
                long start = System.nanoTime();
                HttpResponse<byte[]> bare = fetch(client, responder.imageUri(n));
                long tookNanos = System.nanoTime() - start;
                assertEquals(200, bare.statusCode());
                assertTrue(tookNanos >= config.latency().toNanos(), "answered before the latency: " + tookNanos + " ns");
                assertEquals(3000, bare.body().length);
                assertArrayEquals(fetch(client, lab.imageUri(n)).body(), bare.body(), "image " + n);
            }
            assertEquals(1, responder.connections(), "the second request should reuse the first connection");
        }
    }

    @Test
    @DisplayName("anything but GET /img/{n} in range gets 404 and a closed connection")
    void rejectsEverythingElse() throws Exception {
        try (BareResponder responder = BareResponder.start(LabConfig.DEFAULTS, 5)) {
            for (String request : List.of(
                    "GET /page/1 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /img/5 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /img/x1 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "POST /img/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                    "GET /img/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                    "nonsense\r\n\r\n")) {
                String answer = exchange(responder, request);
                assertTrue(answer.startsWith("HTTP/1.1 404 "), () -> request + " got " + answer);
                assertTrue(answer.contains("Connection: close"), answer);
            }
        }
    }

    @Test
    @DisplayName("close() ends every connection, even ones waiting out a long latency, and leaves no thread or port")
    void closeLeavesNothingBehind() throws Exception {
        LeakCheck baseline = LeakCheck.snapshot();
        BareResponder responder = BareResponder.start(LabConfig.DEFAULTS.withLatency(Duration.ofSeconds(30)), 3);
        URI uri = responder.imageUri(0);
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket(uri.getHost(), uri.getPort());
                s.setSoTimeout((int) TIMEOUT.toMillis());
                s.getOutputStream().write(("GET /img/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                clients.add(s);
            }
            long start = System.nanoTime();
            responder.close();
            assertTrue(System.nanoTime() - start < BareResponder.CLOSE_WAIT.toNanos(), "close() took too long");
            for (Socket s : clients) {
                InputStream in = s.getInputStream();
                try {
                    assertEquals(-1, in.read(), "the connection should end without a response");
                } catch (IOException reset) {
                    // a connection closed before it was accepted is reset instead: it ended too
                }
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        LeakReport report = baseline.leaksSince();
        assertTrue(report.isClean(), report::toString);
    }

    @Test
    @DisplayName("bad arguments are rejected with a message that says what is accepted")
    void badArgumentsAreRejected() {
        var noConfig = assertThrows(NullPointerException.class, () -> BareResponder.start(null, 1));
        assertTrue(noConfig.getMessage().contains("config"), noConfig.getMessage());
        var noImages = assertThrows(IllegalArgumentException.class, () -> BareResponder.start(LabConfig.DEFAULTS, 0));
        assertEquals("images must be 1 to 10000, got 0", noImages.getMessage());
    }
}
