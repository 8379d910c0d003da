package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabCounters;
import concurrencylab.lab.server.LabServer;
import java.time.Duration;

/**
 * What one burst of requests against a {@link LabServer} got, counted twice: from the responses
 * the client saw, and from the server's own {@link LabCounters}.
 *
 * <p>Immutable, so safe to share between threads. Introduced in notebook {@code 07.3-Async-Model}.
 *
 * @param label            which variant, e.g. {@code "Semaphore(10)"}
 * @param permits          the semaphore's permits, or 0 when there was none
 * @param requests         how many requests were sent
 * @param ok               responses with HTTP 200
 * @param rejected429      responses with HTTP 429, as the client saw them
 * @param otherFailures    any other status, timeout or I/O error
 * @param clientPeak       most requests the client had in flight at once
 * @param serverRejected429 429s the server counted
 * @param serverPeak       most requests the server handled at once
 * @param elapsed          from the first request to the last response
 */
public record BurstResult(String label, int permits, int requests, int ok, int rejected429, int otherFailures,
                          int clientPeak, long serverRejected429, int serverPeak, Duration elapsed) {

    /** Returns whether every request got an answer of some kind (nothing lost). */
    public boolean accountedFor() {
        return ok + rejected429 + otherFailures == requests;
    }
}
