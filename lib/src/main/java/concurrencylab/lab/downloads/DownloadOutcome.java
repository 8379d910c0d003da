package concurrencylab.lab.downloads;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.util.Failures;
import concurrencylab.util.Require;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * What became of one URL in a download: its status and size, or why it failed; how long it
 * took and who ran it.
 *
 * {@snippet :
 * for (DownloadOutcome o : report.outcomes()) {
 *     if (!o.ok()) System.out.println(o.uri() + " failed: " + o.failure());
 * }
 * }
 *
 * <p>Immutable, thread-safe and serializable (it comes back from worker JVMs).
 * Introduced in notebook {@code 07.2-Executors}.
 *
 * @param uri     the URL
 * @param status  the HTTP status, or 0 when no response came (timeout, reset, not run)
 * @param bytes   body bytes received
 * @param elapsed time from sending the request to the end of the body or the failure
 * @param ranBy   where the request ran (process, thread, carrier), or null when it never ran
 *                (not started or cancelled before it began)
 * @param failure why it failed, e.g. {@code HTTP 500} or {@code timeout after 300 ms}; empty when it succeeded
 */
public record DownloadOutcome(URI uri, int status, long bytes, Duration elapsed, ExecutionSite ranBy, String failure)
        implements Serializable {

    /** Checks the fields. @throws NullPointerException if uri, elapsed or failure ({@code ""} on success) is null */
    public DownloadOutcome {
        Require.nonNull("uri", uri);
        Require.nonNull("elapsed", elapsed);
        Require.nonNull("failure", failure);
    }

    /** Returns whether the URL answered 2xx. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** Returns the outcome of a response: ok on 2xx, otherwise a failure naming the status. */
    static DownloadOutcome ofResponse(URI uri, int status, long bytes, long startNanos, ExecutionSite ranBy) {
        String failure = status >= 200 && status <= 299 ? "" : "HTTP " + status;
        return new DownloadOutcome(uri, status, bytes, since(startNanos), ranBy, failure);
    }

    /** Returns a failure outcome for {@code error} (unwrapping executor and future wrappers). */
    static DownloadOutcome ofFailure(URI uri, Throwable error, Duration timeout, long startNanos, ExecutionSite ranBy) {
        return new DownloadOutcome(uri, 0, 0, since(startNanos), ranBy, describe(error, timeout));
    }

    /** Returns a failure outcome with a reason of our own, e.g. not finished by the deadline. */
    static DownloadOutcome notDone(URI uri, String reason, long startNanos) {
        return new DownloadOutcome(uri, 0, 0, since(startNanos), null, reason);
    }

    /** Describes a failure in a few words: its kind first, then the exception. */
    static String describe(Throwable error, Duration timeout) {
        Throwable e = Failures.unwrap(error);
        if (e instanceof HttpTimeoutException) {
            return "timeout after " + timeout.toMillis() + " ms (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
