package concurrencylab.lab.downloads;

import concurrencylab.exec.ProcessPool;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a list of URLs on any {@link ExecutorService}: a pool of platform threads,
 * virtual threads, or a {@link ProcessPool} of worker JVMs. The executor is the only thing
 * that changes between them.
 *
 * {@snippet :
 * try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)));
 *      ExecutorService pool = ExecutorKind.PLATFORM.create(20)) {
 *     DownloadReport report = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(2))
 *             .download(server.imageUris(200));
 *     System.out.println(report);   // platform pool (20 threads): 200 ok, 0 failed in ... s
 * }
 * }
 *
 * <p>Every request has a timeout ({@link #requestTimeout}, default 5 s) and the whole download
 * a deadline ({@link #deadline}, default 2 min): {@link #download} always returns, with exactly
 * one outcome per URL. A task that failed, timed out, was refused by the executor or was not
 * finished by the deadline (then it is cancelled) is a failure outcome naming its cause.
 * {@link #withConcurrency(int)} keeps at most {@code n} requests in flight with a
 * {@link Semaphore}, whatever the executor's size.
 *
 * <p>On a process pool each request is a portable task run in a worker JVM with that
 * worker's own HTTP client; on the other executors the requests share one
 * {@link HttpClient}: the one given with {@link #withClient}, or one made for each call to
 * {@link #download} and closed at its end.
 *
 * <p>A {@code Downloader} is an immutable value and thread-safe: each {@code with} method
 * returns a checked copy. It does not own the executor or the client (close those yourself).
 * Introduced in notebook {@code 07.2-Executors}.
 *
 * @param executor       runs one task per request
 * @param requestTimeout how long one request may take, 1 ms..10 min
 * @param deadline       how long a whole download may take, 1 ms..1 h
 * @param concurrency    most requests in flight at once, 1..100,000, or 0 for no limit
 * @param client         the client in-JVM requests share, or null for one per download
 * @param label          names the downloader in its reports, e.g. {@code "virtual threads"}
 */
public record Downloader(ExecutorService executor, Duration requestTimeout, Duration deadline, int concurrency,
                         HttpClient client, String label) {
    /** The default per-request timeout. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** The default deadline for a whole download. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
    /** The longest accepted per-request timeout. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** The longest accepted deadline. */
    public static final Duration MAX_DEADLINE = Duration.ofHours(1);
    private static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(5);

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if the executor, a duration or the label is null
     * @throws IllegalArgumentException if a value is outside the ranges above or the label is blank
     */
    public Downloader {
        Require.nonNull("executor", executor);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), MAX_REQUEST_TIMEOUT);
        Require.inRange("deadline", deadline, Duration.ofMillis(1), MAX_DEADLINE);
        Require.that(concurrency >= 0 && concurrency <= 100_000, "concurrency",
                "0 (no limit) or 1 to 100000 requests in flight", concurrency);
        Require.notBlank("label", label);
    }

    /**
     * Returns a downloader that runs each request as a task on {@code executor}, with the
     * default timeouts, no concurrency limit, a client per download, and a label naming the
     * executor's kind.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public static Downloader on(ExecutorService executor) {
        Require.nonNull("executor", executor);
        return new Downloader(executor, DEFAULT_REQUEST_TIMEOUT, DEFAULT_DEADLINE, 0, null, describe(executor));
    }

    /** Returns a copy whose requests each time out after {@code requestTimeout} (1 ms..10 min). */
    public Downloader withRequestTimeout(Duration requestTimeout) {
        return new Downloader(executor, requestTimeout, deadline, concurrency, client, label);
    }

    /** Returns a copy that gives up on unfinished requests {@code deadline} (1 ms..1 h) after the start. */
    public Downloader withDeadline(Duration deadline) {
        return new Downloader(executor, requestTimeout, deadline, concurrency, client, label);
    }

    /**
     * Returns a copy that keeps at most {@code concurrency} requests in flight (a {@link Semaphore};
     * 1..100,000, or 0 for no limit), its label saying so, e.g. {@code "virtual threads, at most 10 in flight"}.
     */
    public Downloader withConcurrency(int concurrency) {
        String base = label.replaceAll(", at most \\d+ in flight$", "");
        return new Downloader(executor, requestTimeout, deadline, concurrency, client,
                concurrency == 0 ? base : base + ", at most " + concurrency + " in flight");
    }

    /**
     * Returns a copy whose in-JVM requests use {@code client} (shared, kept open: you close it),
     * or, given null, a client of its own per download. Ignored on a process pool, whose workers
     * use their own clients.
     */
    public Downloader withClient(HttpClient client) {
        return new Downloader(executor, requestTimeout, deadline, concurrency, client, label);
    }

    /**
     * Downloads text URLs.
     *
     * @throws IllegalArgumentException if the list or a URL is null, malformed, not http(s) or
     *     not on loopback; the message names the URL and its position
     */
    public DownloadReport downloadUrls(List<String> urls) {
        return download(LabUris.parse(urls));
    }

    /**
     * Downloads every URL and returns one outcome per URL, in order. Returns within about the
     * deadline even if requests hang; interrupted, it cancels what is left and returns what it has.
     *
     * @throws IllegalArgumentException if the list or a URL is null, not http(s) or not on loopback
     */
    public DownloadReport download(List<URI> uris) {
        List<URI> checked = LabUris.check(uris);
        boolean inWorkers = executor instanceof ProcessPool;
        HttpClient shared = inWorkers ? null : client != null ? client : DownloadTask.newClient(requestTimeout);
        try {
            return run(checked, inWorkers, shared);
        } finally {
            if (shared != null && shared != client) {
                close(shared);
            }
        }
    }

    private DownloadReport run(List<URI> uris, boolean inWorkers, HttpClient shared) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Semaphore permits = concurrency > 0 ? new Semaphore(concurrency) : null;
        List<Future<DownloadOutcome>> futures = new ArrayList<>(uris.size());
        DownloadOutcome[] outcomes = new DownloadOutcome[uris.size()];
        boolean interrupted = false;
        for (int i = 0; i < uris.size(); i++) {
            URI uri = uris.get(i);
            futures.add(null);
            try {
                if (permits != null && !permits.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    outcomes[i] = DownloadOutcome.notDone(uri, "not started: no free slot of " + concurrency
                            + " before the deadline of " + deadline.toMillis() + " ms", start);
                    continue;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                outcomes[i] = DownloadOutcome.notDone(uri, "not started: interrupted", start);
                continue;
            }
            futures.set(i, submit(new DownloadTask(uri, requestTimeout, shared), inWorkers, permits, uri, outcomes, i, start));
        }
        for (int i = 0; i < uris.size(); i++) {
            Future<DownloadOutcome> future = futures.get(i);
            if (future == null) {
                continue;
            }
            URI uri = uris.get(i);
            try {
                outcomes[i] = interrupted ? cancel(future, uri, "interrupted", start)
                        : future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                outcomes[i] = cancel(future, uri, "not finished by the deadline of " + deadline.toMillis() + " ms", start);
            } catch (ExecutionException e) {
                outcomes[i] = DownloadOutcome.ofFailure(uri, e, requestTimeout, start, null);
            } catch (InterruptedException e) {
                interrupted = true;
                outcomes[i] = cancel(future, uri, "interrupted", start);
            } catch (java.util.concurrent.CancellationException e) {
                outcomes[i] = DownloadOutcome.notDone(uri, "cancelled", start);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new DownloadReport(label, List.of(outcomes), Duration.ofNanos(System.nanoTime() - start));
    }

    private Future<DownloadOutcome> submit(DownloadTask task, boolean inWorkers, Semaphore permits, URI uri,
                                           DownloadOutcome[] outcomes, int i, long start) {
        try {
            if (!inWorkers) {
                return executor.submit(() -> {
                    try {
                        return task.call();
                    } finally {
                        if (permits != null) {
                            permits.release();
                        }
                    }
                });
            }
            Future<DownloadOutcome> future = executor.submit(task);
            if (permits != null) {
                ((CompletableFuture<DownloadOutcome>) future).whenComplete((result, error) -> permits.release());
            }
            return future;
        } catch (RuntimeException refused) { // RejectedExecutionException, TaskNotPortableException
            if (permits != null) {
                permits.release();
            }
            outcomes[i] = DownloadOutcome.ofFailure(uri, refused, requestTimeout, start, null);
            return null;
        }
    }

    private static DownloadOutcome cancel(Future<DownloadOutcome> future, URI uri, String reason, long start) {
        future.cancel(true);
        return DownloadOutcome.notDone(uri, reason, start);
    }

    private static void close(HttpClient client) {
        client.shutdownNow();
        try {
            client.awaitTermination(CLIENT_CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Names an executor for reports: process pool, platform pool or virtual threads. */
    static String describe(ExecutorService executor) {
        if (executor instanceof ProcessPool pool) {
            return "process pool (" + pool.workers() + (pool.workers() == 1 ? " JVM)" : " JVMs)");
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            int size = pool.getMaximumPoolSize();
            return "platform pool (" + size + (size == 1 ? " thread)" : " threads)");
        }
        if (executor.getClass().getName().equals("java.util.concurrent.ThreadPerTaskExecutor")) {
            try { // ask one task which kind of thread runs it
                boolean virtual = executor.submit(() -> Thread.currentThread().isVirtual()).get(5, TimeUnit.SECONDS);
                return virtual ? "virtual threads" : "platform thread per task";
            } catch (Exception unknown) {
                return "thread per task";
            }
        }
        return executor.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "Downloader on " + label + ", request timeout " + requestTimeout.toMillis() + " ms, deadline "
                + deadline.toMillis() + " ms";
    }
}
