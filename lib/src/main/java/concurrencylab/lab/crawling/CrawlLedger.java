package concurrencylab.lab.crawling;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The bookkeeping every crawler shares: which pages are scheduled, which have an outcome, in
 * which order, and when the crawl is over. Guarantees exactly one outcome per scheduled page.
 *
 * <p>Thread-safe: every method holds the ledger's lock, including the {@code onPage} callback,
 * so callbacks see outcomes one at a time in completion order.
 */
final class CrawlLedger {
    /** A scheduled page: its address and its rank in scheduling order. */
    record Ticket(URI uri, int seq) {
    }

    private static final class Entry {
        final Ticket ticket;
        final long queuedNanos;
        long sentNanos = -1;
        CrawlOutcome outcome;

        Entry(Ticket ticket, long queuedNanos) {
            this.ticket = ticket;
            this.queuedNanos = queuedNanos;
        }
    }

    private final long t0 = System.nanoTime();
    private final int maxPages;
    private final Consumer<CrawlOutcome> onPage;
    private final Map<URI, Entry> entries = new LinkedHashMap<>();
    private final List<CrawlOutcome> done = new ArrayList<>();
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    private boolean closed;
    private boolean deadlineHit;
    private long endNanos = -1;
    private RuntimeException callbackFailure;

    CrawlLedger(int maxPages, Consumer<CrawlOutcome> onPage) {
        this.maxPages = maxPages;
        this.onPage = onPage;
    }

    /** Schedules {@code uri} unless it was seen already, the page budget is spent or the crawl is over. */
    synchronized Optional<Ticket> claim(URI uri) {
        if (closed || entries.size() >= maxPages || entries.containsKey(uri)) {
            return Optional.empty();
        }
        Ticket t = new Ticket(uri, entries.size() + 1);
        entries.put(uri, new Entry(t, System.nanoTime()));
        return Optional.of(t);
    }

    /** Notes that the request for {@code t} is being sent now. */
    synchronized void sent(Ticket t) {
        Entry e = entries.get(t.uri());
        if (e.sentNanos < 0) {
            e.sentNanos = System.nanoTime();
        }
    }

    /**
     * Records the outcome of {@code t}, schedules the links it found (before the outcome can
     * make the crawl look finished) and returns the new tickets to fetch.
     *
     * @return the newly scheduled pages; empty if {@code t} already had an outcome
     */
    synchronized List<Ticket> finish(Ticket t, CrawlStatus status, int httpStatus, String title,
                                     List<URI> links, String cause) {
        Entry e = entries.get(t.uri());
        if (e.outcome != null) {
            return List.of();
        }
        List<Ticket> next = new ArrayList<>();
        for (URI link : links) {
            claim(link).ifPresent(next::add);
        }
        record(e, status, httpStatus, title, links, cause);
        return next;
    }

    private void record(Entry e, CrawlStatus status, int httpStatus, String title, List<URI> links, String cause) {
        long now = System.nanoTime();
        long sent = e.sentNanos < 0 ? now : e.sentNanos;
        e.outcome = new CrawlOutcome(e.ticket.uri(), e.ticket.seq(), done.size() + 1, status, httpStatus,
                title, links, cause, since(e.queuedNanos), since(sent), since(now),
                Thread.currentThread().getName());
        done.add(e.outcome);
        try {
            onPage.accept(e.outcome);
        } catch (RuntimeException callbackBug) {
            if (callbackFailure == null) {
                callbackFailure = callbackBug;
            }
        }
        if (done.size() == entries.size()) {
            allDone.complete(null);
        }
    }

    private Duration since(long nanos) {
        return Duration.ofNanos(nanos - t0);
    }

    /** Returns whether {@code t} still has no outcome. */
    synchronized boolean open(Ticket t) {
        return entries.get(t.uri()).outcome == null;
    }

    /**
     * Waits until every scheduled page has an outcome, at most {@code limit}; if the limit
     * passes first, closes the crawl and gives every open page a {@link CrawlStatus#DEADLINE} outcome.
     *
     * @return the pages that were still open (to cancel), empty if the crawl finished in time
     */
    List<Ticket> awaitAll(Duration limit) throws InterruptedException {
        try {
            allDone.get(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
            synchronized (this) {
                closed = true;
                endNanos = System.nanoTime();
            }
            return List.of();
        } catch (TimeoutException e) {
            return closeAll("the crawl's deadline of " + limit.toMillis() + " ms passed first");
        } catch (InterruptedException e) {
            closeAll("the crawl was interrupted");
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("allDone never fails", e);
        }
    }

    private synchronized List<Ticket> closeAll(String cause) {
        closed = true;
        endNanos = System.nanoTime();
        List<Ticket> open = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.outcome == null) {
                deadlineHit = true;
                open.add(e.ticket);
                record(e, CrawlStatus.DEADLINE, 0, "", List.of(), cause);
            }
        }
        return open;
    }

    /** Returns the report; call after {@link #awaitAll}. */
    synchronized CrawlReport report(String crawler, URI start, CrawlOptions options) {
        if (callbackFailure != null) {
            throw new IllegalStateException("the onPage callback threw; the crawl itself finished", callbackFailure);
        }
        long end = endNanos < 0 ? System.nanoTime() : endNanos;
        return new CrawlReport(crawler, start, options, done, since(end), deadlineHit);
    }
}
