package concurrencylab.lab.crawling;

import concurrencylab.lab.crawling.CrawlHttp;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabCounters;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.api.Table;

/**
 * A burst of requests against a server that refuses too many at once ({@code maxConcurrent}),
 * sent all at once or through a {@link Semaphore}, to show what the limit on our side buys.
 *
 * {@snippet :
 * LabConfig limited = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(100)).withMaxConcurrent(10);
 * BurstExperiment.compare(limited, 60, 10);   // unlimited: many 429s; Semaphore(10): none
 * }
 *
 * <p>Each request runs on its own virtual thread and all of them start together from a latch.
 * With a semaphore, a request holds a permit from before it is sent until its response has
 * arrived, so at most {@code permits} are in flight, and the server (which frees a request's
 * slot before it writes the response) never sees more than that. Every wait is bounded by the
 * request timeout. Each call builds and ends its own client and threads (and, for
 * {@link #compare}, its own servers); safe to call from any thread. Notebook
 * {@code 07.3-Async-Model} writes the same burst by hand; this class packs it for tests and
 * for repeated runs.
 */
public final class BurstExperiment {
    /** The prefix of the names of the virtual threads that send the requests. */
    public static final String THREAD_PREFIX = "burst-";
    /** The per-request timeout of {@link #compare}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private BurstExperiment() {
    }

    /**
     * Sends {@code requests} GETs of {@code server}'s page 0 at once, through a
     * {@code Semaphore(permits)} unless {@code permits} is 0, and counts the answers.
     *
     * @param server         the lab server (its counters are reset first)
     * @param requests       how many requests, 1..10,000
     * @param permits        the semaphore's permits, 1..10,000, or 0 for no semaphore
     * @param requestTimeout the per-request timeout, 1 ms..5 min (a permit's wait is not part of it)
     * @return the counts
     * @throws IllegalArgumentException if a value is out of range
     * @throws InterruptedException     if interrupted (the requests are then abandoned and their threads ended)
     */
    public static BurstResult run(LabServer server, int requests, int permits, Duration requestTimeout)
            throws InterruptedException {
        Require.nonNull("server", server);
        Require.inRange("requests", requests, 1, 10_000);
        Require.that(permits >= 0 && permits <= 10_000, "permits", "0 (no semaphore) or 1 to 10000", permits);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        URI target = server.pageUri(0);
        Semaphore semaphore = permits > 0 ? new Semaphore(permits) : null;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        server.resetCounters();
        ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX, 1).factory());
        ExecutorService clientWork = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX + "http-", 1).factory());
        HttpClient client = CrawlHttp.client(clientWork, requestTimeout);
        long t0;
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(senders.submit(() -> {
                    go.await(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (semaphore != null) {
                        semaphore.acquire();
                    }
                    try {
                        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        return client.send(CrawlHttp.get(target, requestTimeout), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } finally {
                        inFlight.decrementAndGet();
                        if (semaphore != null) {
                            semaphore.release();
                        }
                    }
                }));
            }
            t0 = System.nanoTime();
            go.countDown();
            // with permits, the requests go in rounds: allow each round its timeout
            int rounds = semaphore == null ? 1 : (requests + permits - 1) / permits;
            long deadline = System.nanoTime() + requestTimeout.toNanos() * (rounds + 1);
            int ok = 0;
            int rejected = 0;
            int other = 0;
            for (Future<Integer> answer : answers) {
                int status = status(answer, deadline);
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    rejected++;
                } else {
                    other++;
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            LabCounters counters = server.counters();
            return new BurstResult(semaphore == null ? "no limit" : "Semaphore(" + permits + ")", permits, requests,
                    ok, rejected, other, peak.get(), counters.rejected429(), counters.peakConcurrency(), elapsed);
        } finally {
            senders.shutdownNow();
            CrawlHttp.shutdown(client, clientWork);
            senders.awaitTermination(CrawlHttp.CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Returns the HTTP status of one answer, or -1 for a timeout or an I/O error. */
    private static int status(Future<Integer> answer, long deadline) throws InterruptedException {
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return -1;
        }
    }

    /**
     * Runs the burst twice, each time on a fresh server started from {@code config}: once with
     * no limit, once through a {@code Semaphore(permits)}.
     *
     * @param config   the server's configuration; give it a {@code maxConcurrent} to see 429s
     * @param requests how many requests per burst, 1..10,000
     * @param permits  the semaphore's permits, 1..10,000
     * @return one row per variant, counts from the client and from the server
     * @throws IllegalArgumentException if a value is out of range
     * @throws InterruptedException     if interrupted
     */
    public static Table compare(LabConfig config, int requests, int permits) throws InterruptedException {
        Require.nonNull("config", config);
        Require.inRange("permits", permits, 1, 10_000);
        List<BurstResult> results = new ArrayList<>();
        for (int p : new int[] {0, permits}) {
            try (LabServer server = LabServer.start(config)) {
                results.add(run(server, requests, p, DEFAULT_REQUEST_TIMEOUT));
            }
        }
        return table(results, "A burst of " + requests + " requests against maxConcurrent=" + config.maxConcurrent());
    }

    /** Returns one row per result. */
    public static Table table(List<BurstResult> results, String name) {
        return RowTable.of(results)
                .text("variant", BurstResult::label)
                .ints("requests", BurstResult::requests)
                .ints("200 ok", BurstResult::ok)
                .ints("429 seen", BurstResult::rejected429)
                .ints("other failures", BurstResult::otherFailures)
                .longs("429 counted by server", BurstResult::serverRejected429)
                .ints("client peak in flight", BurstResult::clientPeak)
                .ints("server peak", BurstResult::serverPeak)
                .ints("ms", r -> (int) r.elapsed().toMillis())
                .toTable(name);
    }
}
