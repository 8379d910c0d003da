package concurrencylab.lab.crawling;

import concurrencylab.lab.pitfalls.StarvationDemo;
import concurrencylab.util.Require;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A crawler written in the asynchronous style: every page is a chain of
 * {@code CompletableFuture} stages on {@code HttpClient.sendAsync}, and no thread ever waits
 * for the network.
 *
 * <p>One page is: send the request, then parse the links, then record the outcome and schedule
 * the new pages:
 * {@snippet :
 * client.sendAsync(request, BodyHandlers.ofString())   // nobody waits: a future comes back at once
 *       .orTimeout(timeout, MILLISECONDS)              // per-request timeout
 *       .handleAsync(CrawlHttp::of, handlers)           // parse links, or classify the failure
 *       .thenAccept(result -> launch(ledger.finish(ticket, result)));  // record, schedule the links
 * }
 * A concurrency limit is a queue plus a count of requests in flight, not a blocking semaphore:
 * a stage that blocked would hold one of the few handler threads (see {@link StarvationDemo}).
 *
 * <p>Each {@link #crawl} builds its own {@code HttpClient} on a small pool of named handler
 * threads ({@value #THREAD_PREFIX}N), and ends both before it returns, so nothing outlives the
 * call. An immutable value, safe to use from several threads. Introduced in notebook
 * {@code 07.3-Async-Model}.
 *
 * @param handlerThreads the threads that run the stages and the HTTP client's own work, 1..64
 */
public record AsyncCrawler(int handlerThreads) implements PageCrawler {
    /** The prefix of the handler threads' names. */
    public static final String THREAD_PREFIX = "async-crawler-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Checks the thread count. @throws IllegalArgumentException if it is outside 1..64 */
    public AsyncCrawler {
        Require.inRange("handlerThreads", handlerThreads, 1, 64);
    }

    /** Returns a crawler whose stages run on two handler threads. */
    public static AsyncCrawler create() {
        return new AsyncCrawler(2);
    }

    /** Returns a copy whose stages (and the HTTP client's own work) run on {@code handlerThreads} (1..64) threads. */
    public AsyncCrawler withHandlerThreads(int handlerThreads) {
        return new AsyncCrawler(handlerThreads);
    }

    @Override
    public String name() {
        return "async (CompletableFuture)";
    }

    @Override
    public CrawlReport crawl(URI start, CrawlOptions options, Consumer<CrawlOutcome> onPage)
            throws InterruptedException {
        CrawlHttp.checkCrawl(start, options, onPage);
        ExecutorService handlers = Executors.newFixedThreadPool(handlerThreads,
                r -> new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet()));
        HttpClient client = CrawlHttp.client(handlers, options.requestTimeout());
        try {
            Run run = new Run(client, handlers, options, new CrawlLedger(options.maxPages(), onPage));
            run.launch(run.ledger.claim(start).stream().toList());
            run.cancel(run.ledger.awaitAll(options.deadline()));
            return run.ledger.report(name(), start, options);
        } finally {
            CrawlHttp.shutdown(client, handlers);
        }
    }

    /** One crawl's moving parts: the ledger, the queue of pages waiting for a slot, the requests in flight. */
    private static final class Run {
        final HttpClient client;
        final ExecutorService handlers;
        final CrawlOptions options;
        final CrawlLedger ledger;
        final ArrayDeque<CrawlLedger.Ticket> waiting = new ArrayDeque<>(); // guarded by this
        int inFlight;                                                          // guarded by this
        final Map<URI, CompletableFuture<?>> exchanges = new ConcurrentHashMap<>();

        Run(HttpClient client, ExecutorService handlers, CrawlOptions options, CrawlLedger ledger) {
            this.client = client;
            this.handlers = handlers;
            this.options = options;
            this.ledger = ledger;
        }

        /** Queues new pages and starts as many as the limit allows. */
        void launch(List<CrawlLedger.Ticket> tickets) {
            List<CrawlLedger.Ticket> start = new java.util.ArrayList<>();
            synchronized (this) {
                waiting.addAll(tickets);
                while (!waiting.isEmpty() && (!options.limited() || inFlight < options.concurrency())) {
                    inFlight++;
                    start.add(waiting.poll());
                }
            }
            start.forEach(this::fetch);
        }

        /** The chain for one page: send, then parse, then record and schedule its links. */
        void fetch(CrawlLedger.Ticket ticket) {
            Duration timeout = options.requestTimeout();
            ledger.sent(ticket);
            CompletableFuture<HttpResponse<String>> exchange =
                    client.sendAsync(CrawlHttp.get(ticket.uri(), timeout), HttpResponse.BodyHandlers.ofString());
            exchanges.put(ticket.uri(), exchange);
            exchange.copy()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handleAsync((response, error) -> response != null
                            ? CrawlHttp.of(response) : CrawlHttp.of(error, timeout), handlers)
                    .thenAccept(result -> {
                        exchanges.remove(ticket.uri());
                        exchange.cancel(true); // a no-op if it completed; aborts it after our timeout
                        List<CrawlLedger.Ticket> next = ledger.finish(ticket, result.status(),
                                result.httpStatus(), result.title(), result.links(), result.cause());
                        synchronized (this) {
                            inFlight--;
                        }
                        launch(next);
                    })
                    .whenComplete((ignored, bug) -> {
                        // a stage that threw must not lose the page (after the deadline it already has one)
                        if (bug != null && ledger.open(ticket)) {
                            ledger.finish(ticket, CrawlStatus.FAILED, 0, "", List.of(), "crawler stage failed: " + bug);
                            synchronized (this) {
                                inFlight--;
                            }
                            launch(List.of());
                        }
                    });
        }

        /** Aborts the requests of pages the deadline cut off. */
        void cancel(List<CrawlLedger.Ticket> open) {
            for (CrawlLedger.Ticket t : open) {
                CompletableFuture<?> f = exchanges.remove(t.uri());
                if (f != null) {
                    f.cancel(true);
                }
            }
        }
    }
}
