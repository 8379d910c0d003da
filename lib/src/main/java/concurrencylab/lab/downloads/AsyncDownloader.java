package concurrencylab.lab.downloads;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.tasks.Loopback;
import concurrencylab.util.Require;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a list of URLs with no thread per request: {@link HttpClient#sendAsync} starts
 * them all, and {@link CompletableFuture} callbacks turn each response or exception into a
 * {@link DownloadOutcome}.
 *
 * {@snippet :
 * try (HttpClient client = HttpClient.newHttpClient()) {
 *     CompletableFuture<DownloadReport> pending = AsyncDownloader.using(client)
 *             .withRequestTimeout(Duration.ofSeconds(2))
 *             .downloadAsync(server.imageUris(200));
 *     pending.thenAccept(report -> System.out.println(report));   // runs when all are done
 *     pending.get(30, TimeUnit.SECONDS);
 * }
 * }
 *
 * <p>The chain per URL is {@code sendAsync(request with .timeout(t))} then {@code thenApply}
 * (response to outcome) then {@code exceptionally} (exception to failure outcome), so no
 * future of the list ever fails; {@code allOf} then {@code thenApply} gathers them in order.
 * The requests all start at once: bound them on the server side, or use
 * {@link Downloader#withConcurrency(int)}.
 *
 * <p>An immutable value and thread-safe: each {@code with} method returns a checked copy. It
 * does not own the client (close that yourself). Introduced in notebook {@code 07.2-Executors},
 * used again in {@code 07.3}.
 *
 * @param client         sends every request
 * @param requestTimeout how long one request may take, 1 ms..10 min ({@code HttpRequest.Builder.timeout})
 * @param deadline       how long {@link #download} waits for all of them, 1 ms..1 h
 */
public record AsyncDownloader(HttpClient client, Duration requestTimeout, Duration deadline) {

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if a value is null
     * @throws IllegalArgumentException if a duration is outside the ranges above
     */
    public AsyncDownloader {
        Require.nonNull("client", client);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), Downloader.MAX_REQUEST_TIMEOUT);
        Require.inRange("deadline", deadline, Duration.ofMillis(1), Downloader.MAX_DEADLINE);
    }

    /**
     * Returns a downloader sending with {@code client}, with the defaults of {@link Downloader}:
     * {@link Downloader#DEFAULT_REQUEST_TIMEOUT} and {@link Downloader#DEFAULT_DEADLINE}.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public static AsyncDownloader using(HttpClient client) {
        return new AsyncDownloader(client, Downloader.DEFAULT_REQUEST_TIMEOUT, Downloader.DEFAULT_DEADLINE);
    }

    /** Returns a copy whose requests each time out after {@code requestTimeout} (1 ms..10 min). */
    public AsyncDownloader withRequestTimeout(Duration requestTimeout) {
        return new AsyncDownloader(client, requestTimeout, deadline);
    }

    /** Returns a copy whose {@link #download} waits at most {@code deadline} (1 ms..1 h) for all URLs. */
    public AsyncDownloader withDeadline(Duration deadline) {
        return new AsyncDownloader(client, requestTimeout, deadline);
    }

    /**
     * Starts every download and returns a future of the report, completed when every URL has
     * its outcome. It never completes exceptionally because of a request: failures are outcomes.
     *
     * @throws NullPointerException     if the list or a URL is null
     * @throws IllegalArgumentException if a URL is not http(s) or not on loopback
     */
    public CompletableFuture<DownloadReport> downloadAsync(List<URI> uris) {
        List<URI> checked = LabUris.check(uris);
        long start = System.nanoTime();
        List<CompletableFuture<DownloadOutcome>> each = new ArrayList<>(checked.size());
        for (URI uri : checked) {
            each.add(fetch(uri));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> new DownloadReport("async HttpClient",
                        each.stream().map(CompletableFuture::join).toList(),
                        Duration.ofNanos(System.nanoTime() - start)));
    }

    /** Returns the outcome of one GET: never a failed future. */
    public CompletableFuture<DownloadOutcome> fetch(URI uri) {
        URI checked = Loopback.requireUrl("uri", uri);
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(checked).timeout(requestTimeout).GET().build();
        CompletableFuture<HttpResponse<Long>> sent;
        try {
            sent = client.sendAsync(request, ByteCounter.handler());
        } catch (RuntimeException refused) { // e.g. the client was shut down
            sent = CompletableFuture.failedFuture(refused);
        }
        return sent.thenApply(response -> DownloadOutcome.ofResponse(checked, response.statusCode(),
                        response.body(), start, ExecutionSite.here()))
                .exceptionally(error -> DownloadOutcome.ofFailure(checked, error, requestTimeout, start,
                        ExecutionSite.here()));
    }

    /**
     * Downloads every URL and waits at most {@link #deadline} for all of them. URLs still
     * pending at the deadline are cancelled and reported as failures, so every URL has an outcome.
     *
     * @throws NullPointerException     if the list or a URL is null
     * @throws IllegalArgumentException if a URL is not http(s) or not on loopback
     */
    public DownloadReport download(List<URI> uris) {
        List<URI> checked = LabUris.check(uris);
        long start = System.nanoTime();
        List<CompletableFuture<DownloadOutcome>> each = new ArrayList<>(checked.size());
        for (URI uri : checked) {
            each.add(fetch(uri));
        }
        boolean interrupted = false;
        try {
            CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException late) {
            // the pending ones are reported below
        } catch (InterruptedException e) {
            interrupted = true;
        }
        List<DownloadOutcome> outcomes = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            CompletableFuture<DownloadOutcome> f = each.get(i);
            if (f.isDone()) {
                outcomes.add(f.join());
            } else {
                f.cancel(true);
                outcomes.add(DownloadOutcome.notDone(checked.get(i), interrupted ? "interrupted"
                        : "not finished by the deadline of " + deadline.toMillis() + " ms", start));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new DownloadReport("async HttpClient", outcomes, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String toString() {
        return "AsyncDownloader, request timeout " + requestTimeout.toMillis() + " ms, deadline " + deadline.toMillis() + " ms";
    }
}
