package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/** Test helpers: page URIs of a lab server and the digests they must hash to, computed directly. */
final class Pages {

    static final long SEED = 42L;

    private Pages() {
    }

    static LabConfig config(int pages) {
        return LabConfig.DEFAULTS.withSeed(SEED).withPages(pages).withLinksPerPage(5).withLatency(Duration.ofMillis(5))
                .withJitter(Duration.ofMillis(5));
    }

    static List<URI> uris(LabServer server, int count) {
        return IntStream.range(0, count).mapToObj(server::pageUri).toList();
    }

    /** Fetches each page from a fault-free server with the same seed and hashes it with MessageDigest. */
    static List<String> expectedDigests(int pages, int rounds) throws Exception {
        try (LabServer clean = LabServer.start(config(pages).withLatency(Duration.ZERO).withJitter(Duration.ZERO));
             HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            List<String> digests = new ArrayList<>();
            for (URI uri : uris(clean, pages)) {
                byte[] body = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                digests.add(digest(body, rounds));
            }
            return digests;
        }
    }

    static String digest(byte[] body, int rounds) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] d = sha.digest(body);
        for (int i = 1; i < rounds; i++) {
            d = sha.digest(d);
        }
        return HexFormat.of().formatHex(d);
    }
}
