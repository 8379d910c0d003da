package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The I/O stage shared by the crawler and the pipeline: a blocking GET on the calling thread
 * (meant to be a virtual thread), at most {@code limit} at once, each with its own timeout.
 * Never throws: a failure comes back inside the {@link FetchedPage}.
 */
final class FetchStage implements AutoCloseable {

    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Semaphore slots;
    private final Duration requestTimeout;
    private final long deadlineNanos;

    FetchStage(int limit, Duration requestTimeout, long deadlineNanos) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).build();
        this.slots = new Semaphore(limit);
        this.requestTimeout = requestTimeout;
        this.deadlineNanos = deadlineNanos;
    }

    /** Fetches {@code uri}; the time counts from when a slot is held, so queueing is never a timeout. */
    FetchedPage fetch(int index, URI uri) {
        try {
            if (!slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return new FetchedPage(index, uri, null, ExecutionSite.here(), Duration.ZERO, "no fetch slot before the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchedPage(index, uri, null, ExecutionSite.here(), Duration.ZERO, "interrupted while waiting for a slot");
        }
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                return new FetchedPage(index, uri, null, ExecutionSite.here(), took, "HTTP " + status);
            }
            return new FetchedPage(index, uri, response.body(), ExecutionSite.here(), took, null);
        } catch (IOException | RuntimeException e) {
            return new FetchedPage(index, uri, null, ExecutionSite.here(), Duration.ofNanos(System.nanoTime() - start),
                    HashedPage.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchedPage(index, uri, null, ExecutionSite.here(), Duration.ofNanos(System.nanoTime() - start),
                    "interrupted");
        } finally {
            slots.release();
        }
    }

    /** Stops the HTTP client and waits up to {@link #CLOSE_WAIT} for its threads to end. */
    @Override
    public void close() {
        client.shutdownNow();
        try {
            client.awaitTermination(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
