package concurrencylab.lab.downloads;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;

import concurrencylab.exec.ProcessPool;
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
 * try (LabServer server = LabServer.start(LabConfig.builder().latency(Duration.ofMillis(100)).build());
 *      ExecutorService pool = ExecutorKind.PLATFORM.create(20)) {
 *     DownloadReport report = Downloader.on(pool).timeout(Duration.ofSeconds(2)).download(server.imageUris(200));
 *     System.out.println(report);   // platform pool (20 threads): 200 ok, 0 failed in S s (S >= the bound, 200 / 20 x 100 ms = 1 s)
 * }
 * }
 *
 * <p>Every request has a timeout ({@link #timeout}, default 5 s) and the whole download a
 * deadline ({@link #deadline}, default 2 min): {@link #download} always returns, with exactly
 * one outcome per URL. A task that failed, timed out, was refused by the executor or was not
 * finished by the deadline (then it is cancelled) is a failure outcome naming its cause.
 * {@link #limit(int)} keeps at most {@code n} requests in flight with a {@link Semaphore},
 * whatever the executor's size.
 *
 * <p>On a process pool each request is a portable task run in a worker JVM with that
 * worker's own HTTP client; on the other executors the requests share one
 * {@link HttpClient}: the one given with {@link #client}, or one made for each call to
 * {@link #download} and closed at its end.
 *
 * <p>A {@code Downloader} is immutable and thread-safe: each setter returns a new one. It
 * does not own the executor (close that yourself). Introduced in notebook {@code 07.2-Executors}.
 */
public final class Downloader {
    /** The default per-request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The default deadline for a whole download. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
    private static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(5);

    private final ExecutorService executor;
    private final Duration timeout;
    private final Duration deadline;
    private final int limit;
    private final HttpClient client;
    private final String engine;

    private Downloader(ExecutorService executor, Duration timeout, Duration deadline, int limit,
                       HttpClient client, String engine) {
        this.executor = executor;
        this.timeout = timeout;
        this.deadline = deadline;
        this.limit = limit;
        this.client = client;
        this.engine = engine;
    }

    /**
     * Returns a downloader that runs each request as a task on {@code executor}.
     *
     * @throws IllegalArgumentException if {@code executor} is null
     */
    public static Downloader on(ExecutorService executor) {
        if (executor == null) {
            throw new IllegalArgumentException("an executor is needed, e.g. ExecutorKind.PLATFORM.create(20)");
        }
        return new Downloader(executor, DEFAULT_TIMEOUT, DEFAULT_DEADLINE, 0, null, describe(executor));
    }

    /**
     * Returns a copy whose requests each time out after {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code timeout} is null or outside 1 ms..10 min
     */
    public Downloader timeout(Duration timeout) {
        checkDuration("timeout", timeout, Duration.ofMinutes(10));
        return new Downloader(executor, timeout, deadline, limit, client, engine);
    }

    /**
     * Returns a copy that gives up on unfinished requests after {@code deadline} from the start.
     *
     * @throws IllegalArgumentException if {@code deadline} is null or outside 1 ms..1 h
     */
    public Downloader deadline(Duration deadline) {
        checkDuration("deadline", deadline, Duration.ofHours(1));
        return new Downloader(executor, timeout, deadline, limit, client, engine);
    }

    /**
     * Returns a copy that keeps at most {@code permits} requests in flight (a {@link Semaphore}).
     *
     * @throws IllegalArgumentException if {@code permits} is outside 1..100,000
     */
    public Downloader limit(int permits) {
        if (permits < 1 || permits > 100_000) {
            throw new IllegalArgumentException("limit must be from 1 to 100000 requests in flight, was " + permits);
        }
        return new Downloader(executor, timeout, deadline, permits, client,
                engine.replaceAll(", limit \\d+$", "") + ", limit " + permits);
    }

    /**
     * Returns a copy whose in-JVM requests use {@code client} (shared, kept open: you close it).
     * Ignored on a process pool, whose workers use their own clients.
     *
     * @throws IllegalArgumentException if {@code client} is null
     */
    public Downloader client(HttpClient client) {
        if (client == null) {
            throw new IllegalArgumentException("client must not be null; leave it unset to get one per download");
        }
        return new Downloader(executor, timeout, deadline, limit, client, engine);
    }

    /** Returns a copy labelled {@code engine} in its reports. @throws IllegalArgumentException if blank */
    public Downloader label(String engine) {
        if (engine == null || engine.isBlank()) {
            throw new IllegalArgumentException("a label must not be blank");
        }
        return new Downloader(executor, timeout, deadline, limit, client, engine);
    }

    /** Returns the per-request timeout. */
    public Duration timeout() {
        return timeout;
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
        HttpClient shared = inWorkers ? null : client != null ? client : Fetch.newClient(timeout);
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
        Semaphore permits = limit > 0 ? new Semaphore(limit) : null;
        List<Future<DownloadOutcome>> futures = new ArrayList<>(uris.size());
        DownloadOutcome[] outcomes = new DownloadOutcome[uris.size()];
        boolean interrupted = false;
        for (int i = 0; i < uris.size(); i++) {
            URI uri = uris.get(i);
            futures.add(null);
            try {
                if (permits != null && !permits.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    outcomes[i] = DownloadOutcome.notDone(uri, "not started: no free slot of " + limit
                            + " before the deadline of " + deadline.toMillis() + " ms", start);
                    continue;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                outcomes[i] = DownloadOutcome.notDone(uri, "not started: interrupted", start);
                continue;
            }
            futures.set(i, submit(new Fetch(uri, timeout, shared), inWorkers, permits, uri, outcomes, i, start));
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
                outcomes[i] = DownloadOutcome.ofFailure(uri, e, timeout, start, "");
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
        return new DownloadReport(engine, List.of(outcomes), Duration.ofNanos(System.nanoTime() - start));
    }

    private Future<DownloadOutcome> submit(Fetch fetch, boolean inWorkers, Semaphore permits, URI uri,
                                           DownloadOutcome[] outcomes, int i, long start) {
        try {
            if (!inWorkers) {
                return executor.submit(() -> {
                    try {
                        return fetch.call();
                    } finally {
                        if (permits != null) {
                            permits.release();
                        }
                    }
                });
            }
            Future<DownloadOutcome> future = executor.submit(fetch);
            if (permits != null) {
                ((CompletableFuture<DownloadOutcome>) future).whenComplete((result, error) -> permits.release());
            }
            return future;
        } catch (RuntimeException refused) { // RejectedExecutionException, TaskNotPortableException
            if (permits != null) {
                permits.release();
            }
            outcomes[i] = DownloadOutcome.ofFailure(uri, refused, timeout, start, "");
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

    private static void checkDuration(String name, Duration value, Duration max) {
        if (value == null || value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from 1 ms to " + max + ", was " + value);
        }
    }

    /** Names an executor for reports: process pool, platform pool or virtual threads. */
    static String describe(ExecutorService executor) {
        if (executor instanceof ProcessPool pool) {
            return "process pool (" + pool.workers() + " JVMs)";
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            return "platform pool (" + pool.getMaximumPoolSize() + " threads)";
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
        return "Downloader on " + engine + ", timeout " + timeout.toMillis() + " ms, deadline " + deadline.toMillis() + " ms";
    }
}
