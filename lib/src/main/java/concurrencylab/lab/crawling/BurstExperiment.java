package concurrencylab.lab.crawling;

import concurrencylab.lab.crawling.CrawlHttp;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabCounters;
import concurrencylab.lab.server.LabServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A burst of requests against a server that refuses too many at once ({@code maxConcurrent}),
 * sent all at once or through a {@link Semaphore}, to show what the limit on our side buys.
 *
 * {@snippet :
 * LabConfig limited = LabConfig.builder().latency(Duration.ofMillis(100)).maxConcurrent(10).build();
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
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private BurstExperiment() {
    }

    /**
     * Sends {@code requests} GETs of {@code server}'s page 0 at once, through a
     * {@code Semaphore(permits)} unless {@code permits} is 0, and counts the answers.
     *
     * @param server   the lab server (its counters are reset first)
     * @param requests how many requests, 1..10,000
     * @param permits  the semaphore's permits, 1..10,000, or 0 for no semaphore
     * @param timeout  the per-request timeout, 1 ms..5 min (a permit's wait is not part of it)
     * @return the counts
     * @throws IllegalArgumentException if a value is out of range
     * @throws InterruptedException     if interrupted (the requests are then abandoned and their threads ended)
     */
    public static BurstResult run(LabServer server, int requests, int permits, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(server, "server");
        if (requests < 1 || requests > 10_000) {
            throw new IllegalArgumentException("requests must be 1..10000, was " + requests);
        }
        if (permits < 0 || permits > 10_000) {
            throw new IllegalArgumentException("permits must be 1..10000, or 0 for no semaphore, was " + permits);
        }
        if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("timeout must be 1 ms..5 min, was " + timeout);
        }
        URI target = server.pageUri(0);
        Semaphore semaphore = permits > 0 ? new Semaphore(permits) : null;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        server.resetCounters();
        ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX, 1).factory());
        ExecutorService clientWork = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX + "http-", 1).factory());
        HttpClient client = CrawlHttp.client(clientWork, timeout);
        long t0;
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(senders.submit(() -> {
                    go.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (semaphore != null) {
                        semaphore.acquire();
                    }
                    try {
                        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        return client.send(CrawlHttp.get(target, timeout), HttpResponse.BodyHandlers.discarding())
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
            long deadline = System.nanoTime() + timeout.toNanos() * (rounds + 1);
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
        Objects.requireNonNull(config, "config");
        if (permits < 1) {
            throw new IllegalArgumentException("compare needs a semaphore of 1..10000 permits, was " + permits);
        }
        List<BurstResult> results = new ArrayList<>();
        for (int p : new int[] {0, permits}) {
            try (LabServer server = LabServer.start(config)) {
                results.add(run(server, requests, p, DEFAULT_TIMEOUT));
            }
        }
        return table(results, "A burst of " + requests + " requests against maxConcurrent=" + config.maxConcurrent());
    }

    /** Returns one row per result. */
    public static Table table(List<BurstResult> results, String name) {
        StringColumn label = StringColumn.create("variant");
        IntColumn sent = IntColumn.create("requests");
        IntColumn ok = IntColumn.create("200 ok");
        IntColumn rejected = IntColumn.create("429 seen");
        IntColumn other = IntColumn.create("other failures");
        LongColumn serverRejected = LongColumn.create("429 counted by server");
        IntColumn clientPeak = IntColumn.create("client peak in flight");
        IntColumn serverPeak = IntColumn.create("server peak");
        IntColumn ms = IntColumn.create("ms");
        for (BurstResult r : results) {
            label.append(r.label());
            sent.append(r.requests());
            ok.append(r.ok());
            rejected.append(r.rejected429());
            other.append(r.otherFailures());
            serverRejected.append(r.serverRejected429());
            clientPeak.append(r.clientPeak());
            serverPeak.append(r.serverPeak());
            ms.append((int) r.elapsed().toMillis());
        }
        return Table.create(name, label, sent, ok, rejected, other, serverRejected, clientPeak, serverPeak, ms);
    }
}
