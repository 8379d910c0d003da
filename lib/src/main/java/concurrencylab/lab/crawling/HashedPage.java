package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.util.Failures;
import concurrencylab.util.Require;
import java.net.URI;
import java.time.Duration;

/**
 * One page of a hybrid crawl: its URI, size and digest, who fetched it and who hashed it, or
 * why it failed. A failed page is reported, never dropped: a crawl returns one
 * {@code HashedPage} per URI, in the order of the URIs.
 *
 * {@snippet :
 * for (HashedPage p : run.pages()) {
 *     System.out.println(p.ok() ? p.sha256() + " hashed by " + p.hashedBy() : p.failure());
 * }
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param index     the page's position in the crawl's list of URIs
 * @param uri       the page's URI
 * @param bytes     the body's length, or -1 when the fetch failed
 * @param sha256    the digest after the crawl's rounds in lower-case hex, or null on failure
 * @param fetchedBy who fetched the page, or null when it never got that far
 * @param hashedBy  who hashed the page, or null when it was not hashed
 * @param fetchTime how long the HTTP exchange took as seen by the fetching thread (zero if none)
 * @param hashTime  how long the hashing took on the hashing thread (zero if none)
 * @param failure   null on success; otherwise the stage and the cause, e.g.
 *                  {@code "fetch: HTTP 500"}
 */
public record HashedPage(int index, URI uri, int bytes, String sha256, ExecutionSite fetchedBy, ExecutionSite hashedBy,
                         Duration fetchTime, Duration hashTime, String failure) {

    /** Checks the fields that are always there. */
    public HashedPage {
        Require.nonNull("uri", uri);
        Require.nonNull("fetchTime", fetchTime);
        Require.nonNull("hashTime", hashTime);
        Require.that((failure == null) != (sha256 == null), "sha256 and failure", "exactly one of them non-null (a digest or a failure)",
                "digest " + sha256 + " and failure " + failure);
    }

    /** Returns whether the page was fetched and hashed. */
    public boolean ok() {
        return failure == null;
    }

    /** Returns the stage that failed ({@code "fetch"}, {@code "hash"} or {@code "deadline"}), or "" on success. */
    public String failedStage() {
        if (failure == null) {
            return "";
        }
        int colon = failure.indexOf(':');
        return colon < 0 ? failure : failure.substring(0, colon);
    }

    static HashedPage failed(int index, URI uri, String stage, String why) {
        return new HashedPage(index, uri, -1, null, null, null, Duration.ZERO, Duration.ZERO, stage + ": " + why);
    }

    static String describe(Throwable t) {
        Throwable cause = Failures.unwrap(t);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }
}
