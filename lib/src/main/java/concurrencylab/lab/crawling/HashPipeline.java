package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A two-stage crawl joined by a bounded queue: fetchers on virtual threads put pages into an
 * {@link ArrayBlockingQueue}, hashers on a small platform pool take them out. When the hashers
 * are slower, the queue fills and {@code put} blocks the fetchers: back-pressure. The fetchers
 * slow to the hashers' pace, and no more than {@link #capacity()} pages ever wait in the queue, plus
 * at most one in the hands of each blocked fetcher.
 *
 * {@snippet :
 * PipelineRun run = HashPipeline.create(4).withProducers(16).withConsumers(2).run(uris);
 * System.out.println(run.summary());            // depth never above the capacity, 4; how long producers were blocked
 * HybridCharts.depth(run);                      // queue depth against time
 * }
 *
 * <p><b>Shutdown.</b> When every fetcher has finished, one poison pill per hasher goes into the
 * queue behind the last page; a hasher that takes a pill stops. Every wait (put, take, the end of
 * each stage) is bounded by {@link #deadline()}; past it both stages are interrupted and the
 * pages not yet hashed are reported as failed at the stage {@code "deadline"}. {@link #run}
 * returns only after every thread it started has ended.
 *
 * <p>Thread safety: an immutable value; each {@code with} method returns a checked copy, and one
 * pipeline may run several times, even at once, each run with its own queue and threads.
 * Introduced in notebook {@code 07.4-Hybrid-Crawler}.
 *
 * @param capacity       the most pages the queue holds, 1..{@value #MAX_CAPACITY}
 * @param producers      fetchers (virtual threads, so also the most requests in flight), 1..10,000
 * @param consumers      hashers (platform threads), 1..256
 * @param rounds         SHA-256 rounds per page, 1..{@value HybridCrawler#MAX_ROUNDS}
 * @param requestTimeout how long one request may take, 1 ms..10 min
 * @param deadline       how long a whole run may take, 1 ms..30 min
 */
public record HashPipeline(int capacity, int producers, int consumers, int rounds, Duration requestTimeout,
                           Duration deadline) {

    /** The largest queue capacity accepted. */
    public static final int MAX_CAPACITY = 1_000_000;

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if a value is outside the ranges above
     */
    public HashPipeline {
        Require.inRange("capacity", capacity, 1, MAX_CAPACITY);
        Require.inRange("producers", producers, 1, 10_000);
        Require.inRange("consumers", consumers, 1, 256);
        Require.inRange("rounds", rounds, 1, HybridCrawler.MAX_ROUNDS);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), HybridCrawler.MAX_REQUEST_TIMEOUT);
        Require.inRange("deadline", deadline, Duration.ofMillis(1), HybridCrawler.MAX_DEADLINE);
    }

    /**
     * Returns a pipeline whose queue holds at most {@code capacity} pages, with 16 fetchers, as
     * many hashers as cores (at most 256), {@link HybridCrawler#DEFAULT_ROUNDS} rounds, a 5 s
     * request timeout and a 60 s deadline.
     *
     * @throws IllegalArgumentException if {@code capacity} is outside 1..{@value #MAX_CAPACITY}
     */
    public static HashPipeline create(int capacity) {
        return new HashPipeline(capacity, 16, Math.min(Runtime.getRuntime().availableProcessors(), 256),
                HybridCrawler.DEFAULT_ROUNDS, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** Returns a copy with {@code producers} fetchers (1..10,000; so also that many requests in flight at most). */
    public HashPipeline withProducers(int producers) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout, deadline);
    }

    /** Returns a copy with {@code consumers} hashers (platform threads, 1..256). */
    public HashPipeline withConsumers(int consumers) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout, deadline);
    }

    /** Returns a copy hashing each body {@code rounds} times (1..{@value HybridCrawler#MAX_ROUNDS}). */
    public HashPipeline withRounds(int rounds) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout, deadline);
    }

    /** Returns a copy giving each request {@code requestTimeout} (1 ms..10 min). */
    public HashPipeline withRequestTimeout(Duration requestTimeout) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout, deadline);
    }

    /** Returns a copy bounding a whole run by {@code deadline} (1 ms..30 min). */
    public HashPipeline withDeadline(Duration deadline) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout, deadline);
    }

    /**
     * Fetches and hashes every page of {@code uris} through the queue and returns one result per
     * page (in the order of {@code uris}, failures included), the queue's depth after every put
     * and take, and how long the fetchers were blocked. Returns within about {@link #deadline()},
     * with every thread it started ended. If the calling thread is interrupted, both stages are
     * stopped, the unfinished pages are reported as failed and the interrupt status stays set.
     *
     * @throws NullPointerException     if {@code uris} or one of them is null
     * @throws IllegalArgumentException if {@code uris} is empty
     */
    public PipelineRun run(List<URI> uris) {
        List<URI> pages = HybridCrawler.checkUris(uris);
        Run run = new Run(pages);
        try (FetchStage fetchStage = new FetchStage(producers, requestTimeout, run.deadlineNanos);
             ExecutorService hashers = Executors.newFixedThreadPool(consumers,
                     Thread.ofPlatform().name("hasher-", 0).factory());
             ExecutorService fetchers = Executors.newThreadPerTaskExecutor(
                     Thread.ofVirtual().name("fetcher-", 0).factory())) {
            for (int c = 0; c < consumers; c++) {
                hashers.submit(run::consume);
            }
            for (int p = 0; p < producers; p++) {
                fetchers.submit(() -> run.produce(fetchStage));
            }
            run.finish(fetchers, hashers);
        }
        return run.result();
    }

    /** The state of one run, shared by its threads. */
    private final class Run {
        private final FetchedPage pill = new FetchedPage(-1, URI.create("pill:end"), null, null, Duration.ZERO, "pill");
        private final List<URI> pages;
        private final ArrayBlockingQueue<FetchedPage> queue = new ArrayBlockingQueue<>(capacity);
        private final AtomicReferenceArray<HashedPage> results;
        private final ConcurrentLinkedQueue<DepthSample> samples = new ConcurrentLinkedQueue<>();
        private final AtomicInteger next = new AtomicInteger();
        private final LongAdder blockedNanos = new LongAdder();
        private final LongAdder blockedPuts = new LongAdder();
        private final AtomicLong queuedBytes = new AtomicLong();
        private final AtomicLong peakQueuedBytes = new AtomicLong();
        private final long start = System.nanoTime();
        private final long deadlineNanos = start + deadline.toNanos();
        private volatile long producersDone;

        Run(List<URI> pages) {
            this.pages = pages;
            this.results = new AtomicReferenceArray<>(pages.size());
        }

        /** A fetcher: takes the next URI, fetches it, puts the page in the queue (blocking while full). */
        void produce(FetchStage fetchStage) {
            for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                FetchedPage f = fetchStage.fetch(i, pages.get(i));
                if (!f.ok()) {
                    results.set(i, f.asFailure());
                    continue;
                }
                try {
                    if (!put(f)) {
                        results.set(i, f.failedAt("deadline", "queue still full at the deadline"));
                    }
                } catch (InterruptedException e) {
                    results.set(i, f.failedAt("deadline", "interrupted while the queue was full"));
                    return;
                }
            }
        }

        private boolean put(FetchedPage f) throws InterruptedException {
            queuedBytes.addAndGet(f.body().length);
            if (!queue.offer(f)) {
                blockedPuts.increment();
                long t0 = System.nanoTime();
                boolean in = queue.offer(f, remaining(), TimeUnit.NANOSECONDS);
                blockedNanos.add(System.nanoTime() - t0);
                if (!in) {
                    queuedBytes.addAndGet(-f.body().length);
                    return false;
                }
            }
            peakQueuedBytes.accumulateAndGet(queuedBytes.get(), Math::max);
            sample();
            return true;
        }

        /** A hasher: takes pages until it takes a pill (or the deadline passes), hashing each. */
        void consume() {
            try {
                while (true) {
                    FetchedPage f = queue.poll(remaining(), TimeUnit.NANOSECONDS);
                    if (f == null || f == pill) {
                        return;
                    }
                    queuedBytes.addAndGet(-f.body().length);
                    sample();
                    results.set(f.index(), f.hashHere(rounds));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sample() {
            samples.add(new DepthSample((System.nanoTime() - start) / 1e6, queue.size()));
        }

        private long remaining() {
            return Math.max(0, deadlineNanos - System.nanoTime());
        }

        /** Waits for the fetchers, then sends one pill per hasher and waits for the hashers; all bounded. */
        void finish(ExecutorService fetchers, ExecutorService hashers) {
            try {
                fetchers.shutdown();
                boolean produced = fetchers.awaitTermination(remaining(), TimeUnit.NANOSECONDS);
                producersDone = System.nanoTime();
                if (!produced) {
                    fetchers.shutdownNow();
                    hashers.shutdownNow();
                    return;
                }
                for (int c = 0; c < consumers; c++) {
                    if (!queue.offer(pill, remaining(), TimeUnit.NANOSECONDS)) {
                        hashers.shutdownNow();
                        return;
                    }
                }
                hashers.shutdown();
                if (!hashers.awaitTermination(remaining(), TimeUnit.NANOSECONDS)) {
                    hashers.shutdownNow();
                }
            } catch (InterruptedException e) {
                fetchers.shutdownNow();
                hashers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }

        PipelineRun result() {
            long end = System.nanoTime();
            List<HashedPage> out = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                HashedPage p = results.get(i);
                out.add(p != null ? p
                        : HashedPage.failed(i, pages.get(i), "deadline", "not done within " + deadline.toMillis() + " ms"));
            }
            List<DepthSample> depth = samples.stream().sorted(Comparator.comparingDouble(DepthSample::millis)).toList();
            long done = producersDone == 0 ? end : producersDone;
            return new PipelineRun(capacity, producers, consumers, out, depth, Duration.ofNanos(end - start),
                    Duration.ofNanos(done - start), Duration.ofNanos(blockedNanos.sum()), blockedPuts.intValue(),
                    peakQueuedBytes.get());
        }
    }
}
