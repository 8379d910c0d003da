package concurrencylab.lab.pitfalls;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tech.tablesaw.api.Table;

/**
 * Pitfall 1, live and bounded: a request with no timeout against a server that stalls hangs
 * for as long as the server likes; the same request with a timeout fails fast.
 *
 * {@snippet :
 * MissingTimeoutDemo.Result r = MissingTimeoutDemo.run(Duration.ofSeconds(2), Duration.ofMillis(500));
 * r.toTable();   // no timeout: still stuck after 2 s (WAITING); with timeout: HttpTimeoutException after ~0.5 s
 * }
 *
 * <p>The stuck request is watched by an outer wait that gives up after {@code outerWait}
 * (the only reason this demo ends); then the demo closes its server, which ends the stall,
 * and waits (bounded) for the stuck thread, so nothing is left running. Stateless and
 * thread-safe. Introduced in notebook {@code 07.2-Executors}.
 */
public final class MissingTimeoutDemo {
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(10);

    private MissingTimeoutDemo() {
    }

    /**
     * What happened to the two requests.
     *
     * @param outerWait         how long the outer wait watched the request without a timeout
     * @param stuckAfterWait    whether that request was still running when the outer wait gave up
     * @param stuckState        its thread's state then, e.g. {@code WAITING}
     * @param timeout           the timeout of the second request
     * @param withTimeoutTook   how long the second request took to fail
     * @param withTimeoutResult how it ended, e.g. {@code HttpTimeoutException: request timed out}
     * @param cleanedUp         whether the stuck request's thread ended after the server closed
     */
    public record Result(Duration outerWait, boolean stuckAfterWait, String stuckState, Duration timeout,
                         Duration withTimeoutTook, String withTimeoutResult, boolean cleanedUp) {

        /** Returns the two requests side by side. */
        public Table toTable() {
            List<Map.Entry<String, String>> rows = List.of(
                    Map.entry("no timeout", stuckAfterWait ? "still stuck after " + outerWait.toMillis() + " ms (thread "
                            + stuckState + "); ended only when the server closed"
                            : "finished within " + outerWait.toMillis() + " ms"),
                    Map.entry(".timeout(" + timeout.toMillis() + " ms)",
                            withTimeoutResult + " after " + withTimeoutTook.toMillis() + " ms"));
            return RowTable.of(rows).text("request", Map.Entry::getKey).text("what we saw", Map.Entry::getValue)
                    .toTable("Missing timeout");
        }
    }

    /**
     * Runs the demo against its own stalling lab server.
     *
     * @param outerWait how long to watch the request without a timeout, 100 ms..30 s
     * @param timeout   the timeout of the second request, 10 ms..10 s
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static Result run(Duration outerWait, Duration timeout) throws InterruptedException {
        Require.inRange("outerWait", outerWait, Duration.ofMillis(100), Duration.ofSeconds(30));
        Require.inRange("timeout", timeout, Duration.ofMillis(10), Duration.ofSeconds(10));
        LabConfig stalling = LabConfig.DEFAULTS.withStallRate(1.0).withStall(Duration.ofMinutes(10));
        HttpClient client = HttpClient.newHttpClient();
        try {
            Thread stuck;
            boolean stuckAfterWait;
            String state;
            Duration took;
            String result;
            try (LabServer server = LabServer.start(stalling)) {
                HttpRequest noTimeout = HttpRequest.newBuilder(server.imageUri(0)).build();
                stuck = Thread.ofVirtual().name("no-timeout-request").start(() -> send(client, noTimeout, null));
                stuckAfterWait = !stuck.join(outerWait);
                state = stuck.getState().name();

                HttpRequest withTimeout = HttpRequest.newBuilder(server.imageUri(1)).timeout(timeout).build();
                AtomicReference<String> ending = new AtomicReference<>("no answer");
                long start = System.nanoTime();
                Thread bounded = Thread.ofVirtual().name("timeout-request").start(() -> send(client, withTimeout, ending));
                bounded.join(timeout.plus(CLEANUP_WAIT));
                took = Duration.ofNanos(System.nanoTime() - start);
                result = ending.get();
            } // closing the server ends the stall: the stuck request fails now
            boolean cleanedUp = stuck.join(CLEANUP_WAIT);
            return new Result(outerWait, stuckAfterWait, state, timeout, took, result, cleanedUp);
        } finally {
            client.shutdownNow();
            client.awaitTermination(CLEANUP_WAIT);
        }
    }

    private static void send(HttpClient client, HttpRequest request, AtomicReference<String> ending) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (ending != null) {
                ending.set("HTTP " + response.statusCode());
            }
        } catch (Exception e) {
            if (ending != null) {
                ending.set(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
