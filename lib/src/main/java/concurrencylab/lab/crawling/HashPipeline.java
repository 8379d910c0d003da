package concurrencylab.lab.crawling;

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
 * System.out.println(run.summary());            // depth never above 4, producers blocked 70 % of the time
 * HybridCharts.depth(run);                      // queue depth against time
 * }
 *
 * <p><b>Shutdown.</b> When every fetcher has finished, one poison pill per hasher goes into the
 * queue behind the last page; a hasher that takes a pill stops. Every wait (put, take, the end of
 * each stage) is bounded by {@link #deadline()}; past it both stages are interrupted and the
 * pages not yet hashed are reported as failed at the stage {@code "deadline"}. {@link #run}
 * returns only after every thread it started has ended.
 *
 * <p>Thread safety: immutable; the {@code with...} methods return a new pipeline, and one
 * pipeline may run several times, even at once, each run with its own queue and threads.
 * Introduced in notebook {@code 07.4-Hybrid-Crawler}.
 */
public final class HashPipeline {

    /** The largest queue capacity accepted. */
    public static final int MAX_CAPACITY = 1_000_000;

    private final int capacity;
    private final int producers;
    private final int consumers;
    private final int rounds;
    private final Duration requestTimeout;
    private final Duration deadline;

    private HashPipeline(int capacity, int producers, int consumers, int rounds, Duration requestTimeout,
                         Duration deadline) {
        this.capacity = capacity;
        this.producers = producers;
        this.consumers = consumers;
        this.rounds = rounds;
        this.requestTimeout = requestTimeout;
        this.deadline = deadline;
    }

    /**
     * Returns a pipeline whose queue holds at most {@code capacity} pages, with 16 fetchers, as
     * many hashers as cores, {@link HybridCrawler#DEFAULT_ROUNDS} rounds, a 5 s request timeout
     * and a 60 s deadline.
     *
     * @throws IllegalArgumentException if {@code capacity} is outside 1..{@value #MAX_CAPACITY}
     */
    public static HashPipeline create(int capacity) {
        return new HashPipeline(HybridCrawler.checkCount("queue capacity", capacity, MAX_CAPACITY), 16,
                Runtime.getRuntime().availableProcessors(), HybridCrawler.DEFAULT_ROUNDS, Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }

    /**
     * Returns a copy with {@code n} fetchers (virtual threads, so also {@code n} requests in flight at most).
     *
     * @throws IllegalArgumentException if {@code n} is outside 1..10000
     */
    public HashPipeline withProducers(int n) {
        return new HashPipeline(capacity, HybridCrawler.checkCount("producers", n, 10_000), consumers, rounds,
                requestTimeout, deadline);
    }

    /**
     * Returns a copy with {@code n} hashers (platform threads).
     *
     * @throws IllegalArgumentException if {@code n} is outside 1..256
     */
    public HashPipeline withConsumers(int n) {
        return new HashPipeline(capacity, producers, HybridCrawler.checkCount("consumers", n, 256), rounds,
                requestTimeout, deadline);
    }

    /**
     * Returns a copy hashing each body {@code rounds} times.
     *
     * @throws IllegalArgumentException if {@code rounds} is outside 1..{@value HybridCrawler#MAX_ROUNDS}
     */
    public HashPipeline withRounds(int rounds) {
        return new HashPipeline(capacity, producers, consumers, HybridCrawler.checkRounds(rounds), requestTimeout,
                deadline);
    }

    /**
     * Returns a copy giving each request {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code timeout} is null, not positive, or over 10 minutes
     */
    public HashPipeline withRequestTimeout(Duration timeout) {
        return new HashPipeline(capacity, producers, consumers, rounds,
                HybridCrawler.checkDuration("request timeout", timeout, Duration.ofMinutes(10)), deadline);
    }

    /**
     * Returns a copy bounding a whole run by {@code deadline}.
     *
     * @throws IllegalArgumentException if {@code deadline} is null, not positive, or over 30 minutes
     */
    public HashPipeline withDeadline(Duration deadline) {
        return new HashPipeline(capacity, producers, consumers, rounds, requestTimeout,
                HybridCrawler.checkDuration("deadline", deadline, HybridCrawler.MAX_DEADLINE));
    }

    /** Returns the most pages the queue holds. */
    public int capacity() {
        return capacity;
    }

    /** Returns the number of fetchers. */
    public int producers() {
        return producers;
    }

    /** Returns the number of hashers. */
    public int consumers() {
        return consumers;
    }

    /** Returns the SHA-256 rounds per page. */
    public int rounds() {
        return rounds;
    }

    /** Returns the bound on a whole run. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Fetches and hashes every page of {@code uris} through the queue and returns one result per
     * page (in the order of {@code uris}, failures included), the queue's depth after every put
     * and take, and how long the fetchers were blocked. Returns within about {@link #deadline()},
     * with every thread it started ended. If the calling thread is interrupted, both stages are
     * stopped, the unfinished pages are reported as failed and the interrupt status stays set.
     *
     * @throws IllegalArgumentException if {@code uris} is null, empty or holds a null
     */
    public PipelineRun run(List<URI> uris) {
        List<URI> pages = HybridCrawler.checkUris(uris);
        Run run = new Run(pages);
        try (PageFetcher fetcher = new PageFetcher(producers, requestTimeout, run.deadlineNanos);
             ExecutorService hashers = Executors.newFixedThreadPool(consumers,
                     Thread.ofPlatform().name("hasher-", 0).factory());
             ExecutorService fetchers = Executors.newThreadPerTaskExecutor(
                     Thread.ofVirtual().name("fetcher-", 0).factory())) {
            for (int c = 0; c < consumers; c++) {
                hashers.submit(run::consume);
            }
            for (int p = 0; p < producers; p++) {
                fetchers.submit(() -> run.produce(fetcher));
            }
            run.finish(fetchers, hashers);
        }
        return run.result();
    }

    /** The state of one run, shared by its threads. */
    private final class Run {
        private final Fetched pill = new Fetched(-1, URI.create("pill:end"), null, null, Duration.ZERO, "pill");
        private final List<URI> pages;
        private final ArrayBlockingQueue<Fetched> queue = new ArrayBlockingQueue<>(capacity);
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
        void produce(PageFetcher fetcher) {
            for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                Fetched f = fetcher.fetch(i, pages.get(i));
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

        private boolean put(Fetched f) throws InterruptedException {
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
                    Fetched f = queue.poll(remaining(), TimeUnit.NANOSECONDS);
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

    @Override
    public String toString() {
        return "HashPipeline[capacity=" + capacity + ", producers=" + producers + ", consumers=" + consumers
                + ", rounds=" + rounds + ", requestTimeout=" + requestTimeout + ", deadline=" + deadline + "]";
    }
}
