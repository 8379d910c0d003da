package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The same crawl as {@link AsyncCrawler}, written in the plain blocking style: one task per
 * page calls {@code HttpClient.send} and simply waits for the answer.
 *
 * <p>On virtual threads the waiting costs almost nothing (the virtual thread unmounts from its
 * carrier while the socket is idle), so straight-line code scales like the async chain:
 * {@snippet :
 * permits.acquire();                           // the concurrency limit: a plain Semaphore
 * try {
 *     response = client.send(request, ofString());   // blocks this virtual thread only
 * } finally {
 *     permits.release();
 * }
 * for (URI link : links(response)) executor.submit(() -> fetch(link));
 * }
 * On a fixed pool of platform threads ({@link #fixedPool}) the same code runs at most
 * {@code threads} requests at once: the pool size becomes the concurrency limit.
 *
 * <p>A task never waits for another task, so even a pool of one thread cannot starve.
 * Each {@link #crawl} owns its executor and {@code HttpClient} and ends both before it
 * returns. Stateless between calls, safe to use from several threads. Introduced in notebook
 * {@code 07.3-Async-Model}.
 */
public final class BlockingCrawler implements PageCrawler {
    /** The prefix of the names of the threads that run the page tasks. */
    public static final String THREAD_PREFIX = "blocking-crawler-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int poolThreads; // 0: a virtual thread per page

    private BlockingCrawler(int poolThreads) {
        this.poolThreads = poolThreads;
    }

    /** Returns a crawler that runs each page on its own virtual thread. */
    public static BlockingCrawler virtualThreads() {
        return new BlockingCrawler(0);
    }

    /**
     * Returns a crawler that runs the pages on a fixed pool of {@code threads} platform threads.
     *
     * @throws IllegalArgumentException if {@code threads} is not 1..256
     */
    public static BlockingCrawler fixedPool(int threads) {
        Require.inRange("threads", threads, 1, 256);
        return new BlockingCrawler(threads);
    }

    @Override
    public String name() {
        return poolThreads == 0 ? "blocking on virtual threads" : "blocking on " + poolThreads + " platform threads";
    }

    @Override
    public CrawlReport crawl(URI start, CrawlOptions options, Consumer<CrawlOutcome> onPage)
            throws InterruptedException {
        CrawlHttp.checkCrawl(start, options, onPage);
        ExecutorService workers = poolThreads == 0
                ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX + "v", THREADS.incrementAndGet() * 10_000L).factory())
                : Executors.newFixedThreadPool(poolThreads, r -> new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet()));
        ExecutorService clientWork = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX + "http").factory());
        HttpClient client = CrawlHttp.client(clientWork, options.requestTimeout());
        try {
            Run run = new Run(client, workers, options, new CrawlLedger(options.maxPages(), onPage));
            run.submitAll(run.ledger.claim(start).stream().toList());
            run.ledger.awaitAll(options.deadline()); // pages cut off are interrupted by shutdownNow below
            return run.ledger.report(name(), start, options);
        } finally {
            workers.shutdownNow(); // interrupts tasks still waiting: send() then aborts its request
            CrawlHttp.shutdown(client, clientWork);
            workers.awaitTermination(CrawlHttp.CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private record Run(HttpClient client, ExecutorService workers, CrawlOptions options, CrawlLedger ledger,
                       Semaphore permits) {
        Run(HttpClient client, ExecutorService workers, CrawlOptions options, CrawlLedger ledger) {
            this(client, workers, options, ledger, options.limited() ? new Semaphore(options.concurrency()) : null);
        }

        void submitAll(List<CrawlLedger.Ticket> tickets) {
            for (CrawlLedger.Ticket t : tickets) {
                try {
                    workers.submit(() -> fetch(t));
                } catch (RejectedExecutionException deadlinePassed) {
                    return; // the crawl is over; the ledger gave these pages their DEADLINE outcome
                }
            }
        }

        /** One page, in plain blocking code. */
        void fetch(CrawlLedger.Ticket ticket) {
            Duration timeout = options.requestTimeout();
            CrawlHttp.Result result;
            try {
                if (permits != null) {
                    permits.acquire();
                }
                try {
                    ledger.sent(ticket); // the timeout starts now, not while waiting for a permit
                    HttpResponse<String> response = client.send(CrawlHttp.get(ticket.uri(), timeout),
                            HttpResponse.BodyHandlers.ofString());
                    result = CrawlHttp.of(response);
                } finally {
                    if (permits != null) {
                        permits.release();
                    }
                }
            } catch (InterruptedException e) {
                // shutdownNow after the deadline: the page has its DEADLINE outcome, so this is a no-op
                ledger.finish(ticket, CrawlStatus.DEADLINE, 0, "", List.of(), "interrupted");
                return;
            } catch (IOException | RuntimeException e) {
                result = CrawlHttp.of(e, timeout);
            }
            submitAll(ledger.finish(ticket, result.status(), result.httpStatus(), result.title(),
                    result.links(), result.cause()));
        }
    }
}
