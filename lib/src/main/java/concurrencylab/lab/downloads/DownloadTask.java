package concurrencylab.lab.downloads;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.PortableCallable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One download as a portable task: a GET with a timeout whose result is the URL's
 * {@link DownloadOutcome}, success or failure; it never throws. Portable, so a process pool can
 * run it: in this
 * JVM it uses the downloader's {@link HttpClient} (a transient field); in a worker JVM, where
 * that field arrives null, it uses one client shared by the worker for its lifetime.
 * Immutable and thread-safe.
 */
public final class DownloadTask implements PortableCallable<DownloadOutcome> {
    private static final long serialVersionUID = 1L;

    private final URI uri;
    private final long timeoutMillis;
    private final transient HttpClient client;

    DownloadTask(URI uri, Duration timeout, HttpClient client) {
        this.uri = uri;
        this.timeoutMillis = timeout.toMillis();
        this.client = client;
    }

    @Override
    public DownloadOutcome call() {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        if (client != null) {
            return get(client, uri, timeout);
        }
        if (Boolean.getBoolean(LabTasks.WORKER_PROPERTY)) {
            return get(WorkerClient.INSTANCE, uri, timeout);
        }
        try (HttpClient oneShot = newClient(timeout)) { // run directly in this JVM without a client
            return get(oneShot, uri, timeout);
        }
    }

    /**
     * Returns a client for the downloads: HTTP/1.1, connect timeout, no redirects, and a new
     * virtual thread for each of the client's own tasks (completing responses, running
     * dependent stages). Without {@code executor(...)} the client makes a cached pool of
     * platform threads for them, which costs more CPU per download than virtual threads and,
     * on a machine with few cores, slows the all-at-once downloads
     * ({@code datasets/reference/MACHINE.md}, section "Downloads", has the runs). The virtual
     * threads end with their tasks, so there is nothing to shut down.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .executor(CLIENT_TASKS).build();
    }

    /** Runs each task of a {@link #newClient} client on a new virtual thread. */
    private static final Executor CLIENT_TASKS = task -> Thread.ofVirtual().name("http-client-task").start(task);

    /** GETs {@code uri} with {@code client}; every failure becomes a failure outcome. */
    static DownloadOutcome get(HttpClient client, URI uri, Duration timeout) {
        ExecutionSite ranBy = ExecutionSite.here();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<Long> response = client.send(request, ByteCounter.handler());
            return DownloadOutcome.ofResponse(uri, response.statusCode(), response.body(), start, ranBy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DownloadOutcome.ofFailure(uri, e, timeout, start, ranBy);
        } catch (Exception e) {
            return DownloadOutcome.ofFailure(uri, e, timeout, start, ranBy);
        }
    }

    @Override
    public String toString() {
        return "GET " + uri + " (timeout " + timeoutMillis + " ms)";
    }

    /** The client of a worker JVM, created on first use and kept until the worker exits. */
    private static final class WorkerClient {
        static final HttpClient INSTANCE = newClient(Duration.ofSeconds(30));
    }
}
