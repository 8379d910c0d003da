package concurrencylab.lab.crawling;

import concurrencylab.tasks.Loopback;
import concurrencylab.util.Failures;
import concurrencylab.util.Require;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** What both crawlers share: the client they build, the request, and how a result is classified. */
public final class CrawlHttp {
    /** How long closing waits for the client's and the executor's threads to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** A fetch result before it goes into the ledger. */
    record Result(CrawlStatus status, int httpStatus, String title, List<URI> links, String cause) {
    }

    private CrawlHttp() {
    }

    /** Builds an HTTP/1.1 client whose async work runs on {@code executor}. */
    static HttpClient client(ExecutorService executor, Duration connectTimeout) {
        return HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Builds a GET for {@code uri} that times out after {@code timeout}. */
    static HttpRequest get(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    }

    /** Classifies a response: 200 is read for its title and links, anything else is an error. */
    static Result of(HttpResponse<String> response) {
        int code = response.statusCode();
        if (code != 200) {
            return new Result(CrawlStatus.HTTP_ERROR, code, "", List.of(), "HTTP " + code);
        }
        String body = response.body();
        return new Result(CrawlStatus.OK, code, PageLinks.title(body),
                PageLinks.links(body, response.request().uri()), "");
    }

    /** Classifies a failure: timeout, reset (any other I/O error) or failed. */
    static Result of(Throwable error, Duration timeout) {
        Throwable e = Failures.unwrap(error);
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return new Result(CrawlStatus.TIMEOUT, 0, "", List.of(),
                    "no response within " + timeout.toMillis() + " ms (" + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof IOException) {
            return new Result(CrawlStatus.RESET, 0, "", List.of(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (e instanceof CancellationException) {
            return new Result(CrawlStatus.DEADLINE, 0, "", List.of(), "cancelled");
        }
        return new Result(CrawlStatus.FAILED, 0, "", List.of(), String.valueOf(e));
    }

    /**
     * Checks the arguments of {@link PageCrawler#crawl(URI, CrawlOptions, Consumer)}, before any
     * thread or connection exists.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code start} is not an http(s) URL on loopback
     */
    static void checkCrawl(URI start, CrawlOptions options, Consumer<CrawlOutcome> onPage) {
        Loopback.requireUrl("start", start);
        Require.nonNull("options", options);
        Require.nonNull("onPage", onPage);
    }

    /** Ends the client (aborting what is in flight) and then the executor, each wait bounded. */
    static void shutdown(HttpClient client, ExecutorService executor) throws InterruptedException {
        try {
            client.shutdownNow();
            client.awaitTermination(CLOSE_WAIT);
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
