package concurrencylab.lab.downloads;

import concurrencylab.tasks.ExecutionSite;
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
 *             .timeout(Duration.ofSeconds(2))
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
 * {@link Downloader#limit(int)}.
 *
 * <p>Immutable and thread-safe; it does not own the client (close that yourself).
 * Introduced in notebook {@code 07.2-Executors}, used again in {@code 07.3}.
 */
public final class AsyncDownloader {
    private final HttpClient client;
    private final Duration timeout;

    private AsyncDownloader(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Returns a downloader sending with {@code client} and the default timeout ({@link Downloader#DEFAULT_TIMEOUT}).
     *
     * @throws IllegalArgumentException if {@code client} is null
     */
    public static AsyncDownloader using(HttpClient client) {
        if (client == null) {
            throw new IllegalArgumentException("an HttpClient is needed, e.g. HttpClient.newHttpClient() in try-with-resources");
        }
        return new AsyncDownloader(client, Downloader.DEFAULT_TIMEOUT);
    }

    /**
     * Returns a copy whose requests each time out after {@code timeout} ({@code HttpRequest.Builder.timeout}).
     *
     * @throws IllegalArgumentException if {@code timeout} is null or outside 1 ms..10 min
     */
    public AsyncDownloader timeout(Duration timeout) {
        if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("timeout must be from 1 ms to 10 min, was " + timeout);
        }
        return new AsyncDownloader(client, timeout);
    }

    /**
     * Starts every download and returns a future of the report, completed when every URL has
     * its outcome. It never completes exceptionally because of a request: failures are outcomes.
     *
     * @throws IllegalArgumentException if the list or a URL is null, not http(s) or not on loopback
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
        URI checked = LabUris.check(List.of(uri)).getFirst();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(checked).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<Long>> sent;
        try {
            sent = client.sendAsync(request, ByteCounter.handler());
        } catch (RuntimeException refused) { // e.g. the client was shut down
            sent = CompletableFuture.failedFuture(refused);
        }
        return sent.thenApply(response -> DownloadOutcome.ofResponse(checked, response.statusCode(),
                        response.body(), start, ExecutionSite.here().toString()))
                .exceptionally(error -> DownloadOutcome.ofFailure(checked, error, timeout, start,
                        ExecutionSite.here().toString()));
    }

    /**
     * Downloads every URL and waits at most {@code deadline} for all of them. URLs still
     * pending at the deadline are cancelled and reported as failures, so every URL has an outcome.
     *
     * @throws IllegalArgumentException if a URL is invalid, or {@code deadline} is null or outside 1 ms..1 h
     */
    public DownloadReport download(List<URI> uris, Duration deadline) {
        if (deadline == null || deadline.compareTo(Duration.ofMillis(1)) < 0 || deadline.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("deadline must be from 1 ms to 1 h, was " + deadline);
        }
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

    /** Downloads every URL, waiting at most {@link Downloader#DEFAULT_DEADLINE}. */
    public DownloadReport download(List<URI> uris) {
        return download(uris, Downloader.DEFAULT_DEADLINE);
    }

    @Override
    public String toString() {
        return "AsyncDownloader, timeout " + timeout.toMillis() + " ms";
    }
}
