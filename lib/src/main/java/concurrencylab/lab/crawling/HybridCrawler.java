package concurrencylab.lab.crawling;

import concurrencylab.exec.ProcessPool;
import concurrencylab.tasks.ExecutionSite;
import concurrencylab.tasks.HashReport;
import concurrencylab.tasks.LabTasks;
import concurrencylab.util.Require;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A crawler that fetches pages (I/O) and hashes each body with many rounds of SHA-256 (CPU),
 * in one of three {@link HybridVariant}s: the hybrid workload of notebook
 * {@code 07.4-Hybrid-Crawler}.
 *
 * {@snippet :
 * var crawler = HybridCrawler.create().withRounds(40_000).withFetchConcurrency(16);
 * HybridRun run = crawler.crawl(uris, HybridVariant.CPU_POOL);
 * System.out.println(run.summary());
 * }
 *
 * <p>Each call to {@link #crawl} builds its own resources and closes them before it returns:
 * an {@code HttpClient}, a virtual thread per page for the fetch, and for the hash a platform
 * pool of {@link #cpuThreads()} threads or a {@link ProcessPool} of {@link #processWorkers()}
 * JVMs. At most {@link #fetchConcurrency()} requests are in flight; each has
 * {@link #requestTimeout()}, counted from when it holds its slot. The whole crawl is bounded by
 * {@link #deadline()}: what has not finished by then is reported as failed at the stage
 * {@code "deadline"} and its threads are interrupted. A failure never loses a page: the run has
 * one {@link HashedPage} per URI, in order.
 *
 * <p>Thread safety: an immutable value; each {@code with} method returns a checked copy. One
 * crawler may run several crawls at once, each with its own resources.
 *
 * @param rounds           SHA-256 rounds per page, 1..{@value #MAX_ROUNDS}
 * @param fetchConcurrency most requests in flight at once, 1..10,000
 * @param cpuThreads       platform threads hashing in variant b, 1..256
 * @param processWorkers   worker JVMs hashing in variant c, 1..64
 * @param requestTimeout   how long one request may take (connect and response), 1 ms..10 min
 * @param deadline         how long a whole crawl may take, start-up of a process pool excluded, 1 ms..30 min
 */
public record HybridCrawler(int rounds, int fetchConcurrency, int cpuThreads, int processWorkers,
                            Duration requestTimeout, Duration deadline) {

    /** The default SHA-256 rounds per page: enough CPU per page that the hashing shows beside the fetch. */
    public static final int DEFAULT_ROUNDS = 50_000;
    /** The most rounds a page may take, so that one page never hashes for minutes. */
    public static final int MAX_ROUNDS = 50_000_000;
    /** The longest request timeout accepted. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** The longest deadline accepted for a whole crawl. */
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(30);

    private static final Duration WARM_PAUSE = Duration.ofMillis(100);
    private static final int WARM_ROUNDS = 50_000;

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if a value is outside the ranges above
     */
    public HybridCrawler {
        Require.inRange("rounds", rounds, 1, MAX_ROUNDS);
        Require.inRange("fetchConcurrency", fetchConcurrency, 1, 10_000);
        Require.inRange("cpuThreads", cpuThreads, 1, 256);
        Require.inRange("processWorkers", processWorkers, 1, 64);
        Require.inRange("requestTimeout", requestTimeout, Duration.ofMillis(1), MAX_REQUEST_TIMEOUT);
        Require.inRange("deadline", deadline, Duration.ofMillis(1), MAX_DEADLINE);
    }

    /**
     * Returns a crawler with the defaults: {@link #DEFAULT_ROUNDS} rounds, 16 requests in flight,
     * a 5 s request timeout, a 60 s deadline, and as many hashing threads and worker JVMs as
     * this machine has cores (at most 256 and 64).
     */
    public static HybridCrawler create() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HybridCrawler(DEFAULT_ROUNDS, 16, Math.min(cores, 256), Math.min(cores, 64), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }

    /** Returns a copy hashing each body {@code rounds} times (1..{@value #MAX_ROUNDS}). */
    public HybridCrawler withRounds(int rounds) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /** Returns a copy with at most {@code fetchConcurrency} (1..10,000) requests in flight. */
    public HybridCrawler withFetchConcurrency(int fetchConcurrency) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /** Returns a copy whose CPU pool (variant b) has {@code cpuThreads} (1..256) platform threads. */
    public HybridCrawler withCpuThreads(int cpuThreads) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /** Returns a copy whose process pool (variant c) has {@code processWorkers} (1..64) worker JVMs. */
    public HybridCrawler withProcessWorkers(int processWorkers) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /** Returns a copy giving each request {@code requestTimeout} (1 ms..10 min), connect and response. */
    public HybridCrawler withRequestTimeout(Duration requestTimeout) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /** Returns a copy giving a whole crawl {@code deadline} (1 ms..30 min), start-up of a process pool excluded. */
    public HybridCrawler withDeadline(Duration deadline) {
        return new HybridCrawler(rounds, fetchConcurrency, cpuThreads, processWorkers, requestTimeout, deadline);
    }

    /**
     * Fetches and hashes every page of {@code uris} the way {@code variant} says, and returns one
     * result per page in the order of {@code uris}, failures included. Returns within about
     * {@link #deadline()} (plus a process pool's start-up); every thread, pool and worker JVM it
     * started has ended by then. If the calling thread is interrupted, the crawl stops early,
     * reports the unfinished pages as failed and keeps the interrupt status set.
     *
     * @throws NullPointerException     if {@code uris}, one of them or {@code variant} is null
     * @throws IllegalArgumentException if {@code uris} is empty
     */
    public HybridRun crawl(List<URI> uris, HybridVariant variant) {
        List<URI> pages = checkUris(uris);
        Require.nonNull("variant", variant);
        try (ExecutorService hashers = hashPool(variant)) {
            Duration setup = variant == HybridVariant.PROCESS_POOL ? warm((ProcessPool) hashers) : Duration.ZERO;
            long start = System.nanoTime();
            long deadlineNanos = start + deadline.toNanos();
            String fetcherName = variant == HybridVariant.SAME_VIRTUAL_THREAD ? "fetch+hash-" : "fetch-";
            try (FetchStage fetchStage = new FetchStage(fetchConcurrency, requestTimeout, deadlineNanos);
                 ExecutorService fetchers = Executors.newThreadPerTaskExecutor(
                         Thread.ofVirtual().name(fetcherName, 0).factory())) {
                List<CompletableFuture<HashedPage>> futures = new ArrayList<>();
                for (int i = 0; i < pages.size(); i++) {
                    futures.add(page(variant, i, pages.get(i), fetchStage, fetchers, hashers, deadlineNanos));
                }
                List<HashedPage> results = await(futures, pages, deadlineNanos, fetchers, hashers);
                return new HybridRun(variant, results, Duration.ofNanos(System.nanoTime() - start), setup,
                        rounds, fetchConcurrency);
            }
        }
    }

    private CompletableFuture<HashedPage> page(HybridVariant variant, int index, URI uri, FetchStage fetchStage,
                                               ExecutorService fetchers, ExecutorService hashers, long deadlineNanos) {
        return switch (variant) {
            case SAME_VIRTUAL_THREAD -> CompletableFuture.supplyAsync(() -> {
                FetchedPage f = fetchStage.fetch(index, uri);
                return f.ok() ? f.hashHere(rounds) : f.asFailure();
            }, fetchers);
            case CPU_POOL -> CompletableFuture.supplyAsync(() -> fetchStage.fetch(index, uri), fetchers)
                    .thenApplyAsync(f -> f.ok() ? f.hashHere(rounds) : f.asFailure(), hashers)
                    .exceptionally(e -> HashedPage.failed(index, uri, "hash", HashedPage.describe(e)));
            case PROCESS_POOL -> CompletableFuture.supplyAsync(() -> {
                FetchedPage f = fetchStage.fetch(index, uri);
                return f.ok() ? hashIn(hashers, f, deadlineNanos) : f.asFailure();
            }, fetchers);
        };
    }

    /** Ships the body to a worker JVM and waits for the digest, no longer than the deadline. */
    private HashedPage hashIn(ExecutorService pool, FetchedPage f, long deadlineNanos) {
        Future<HashReport> report = null;
        try {
            report = pool.submit(LabTasks.sha256Report(f.body(), rounds));
            return f.hashed(report.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            report.cancel(true);
            Thread.currentThread().interrupt();
            return f.failedAt("hash", "interrupted");
        } catch (TimeoutException e) {
            report.cancel(true);
            return f.failedAt("deadline", "hash not done within " + deadline.toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            return f.failedAt("hash", HashedPage.describe(e));
        }
    }

    private List<HashedPage> await(List<CompletableFuture<HashedPage>> futures, List<URI> uris, long deadlineNanos,
                                   ExecutorService fetchers, ExecutorService hashers) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException late) {
            stopAll(fetchers, hashers);
        } catch (InterruptedException e) {
            stopAll(fetchers, hashers);
            Thread.currentThread().interrupt();
        }
        List<HashedPage> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            HashedPage done = futures.get(i).getNow(null);
            results.add(done != null ? done
                    : HashedPage.failed(i, uris.get(i), "deadline", "not done within " + deadline.toMillis() + " ms"));
        }
        return List.copyOf(results);
    }

    private static void stopAll(ExecutorService fetchers, ExecutorService hashers) {
        fetchers.shutdownNow();
        if (hashers != null) {
            hashers.shutdownNow();
        }
    }

    private ExecutorService hashPool(HybridVariant variant) {
        return switch (variant) {
            case SAME_VIRTUAL_THREAD -> null;
            case CPU_POOL -> Executors.newFixedThreadPool(cpuThreads, Thread.ofPlatform().name("hash-", 0).factory());
            case PROCESS_POOL -> ProcessPool.of(processWorkers);
        };
    }

    /**
     * Waits until every worker JVM has hashed a little (so its JIT has compiled SHA-256) and
     * answered, so the crawl's clock starts with warm workers; returns how long the pool took to
     * be ready. Bounded by the deadline.
     */
    private Duration warm(ProcessPool pool) {
        long start = System.nanoTime();
        long until = start + deadline.toNanos();
        Set<Long> seen = new HashSet<>();
        try {
            while (seen.size() < pool.workers() && System.nanoTime() < until) {
                List<Future<ExecutionSite>> round = new ArrayList<>();
                for (int i = 0; i < pool.workers(); i++) {
                    round.add(pool.submit(new WarmUp(Math.min(rounds, WARM_ROUNDS), WARM_PAUSE.toMillis())));
                }
                for (Future<ExecutionSite> f : round) {
                    seen.add(f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS).pid());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a worker that cannot start shows up as failed hashes, each with its reason
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Fetches every page once (no hashing) with this crawler's limit and timeouts: the I/O alone. */
    FetchOnly fetchOnly(List<URI> uris) {
        List<URI> pages = checkUris(uris);
        long start = System.nanoTime();
        long deadlineNanos = start + deadline.toNanos();
        try (FetchStage fetchStage = new FetchStage(fetchConcurrency, requestTimeout, deadlineNanos);
             ExecutorService fetchers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fetch-", 0).factory())) {
            List<CompletableFuture<FetchedPage>> futures = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> fetchStage.fetch(index, pages.get(index)), fetchers));
            }
            try {
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                        .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException late) {
                fetchers.shutdownNow();
            } catch (InterruptedException e) {
                fetchers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            List<byte[]> bodies = new ArrayList<>();
            for (CompletableFuture<FetchedPage> f : futures) {
                FetchedPage done = f.getNow(null);
                if (done != null && done.ok()) {
                    bodies.add(done.body());
                }
            }
            return new FetchOnly(List.copyOf(bodies), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The bodies a fetch-only pass got, and how long the pass took. */
    record FetchOnly(List<byte[]> bodies, Duration elapsed) {
    }

    /**
     * Returns an unmodifiable copy of the pages to crawl.
     *
     * @throws NullPointerException     if {@code uris} or one of them is null
     * @throws IllegalArgumentException if {@code uris} is empty
     */
    static List<URI> checkUris(List<URI> uris) {
        return Require.noNulls("uris", Require.notEmpty("uris", uris));
    }
}
