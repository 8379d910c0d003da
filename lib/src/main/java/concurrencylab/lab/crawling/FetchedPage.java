package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.tasks.HashReport;
import concurrencylab.tasks.LabTasks;
import java.net.URI;
import java.time.Duration;

/** The first stage's output: a body (or why there is none), who fetched it and how long it took. */
record FetchedPage(int index, URI uri, byte[] body, ExecutionSite by, Duration took, String failure) {

    boolean ok() {
        return failure == null;
    }

    /** Combines this fetch with its hash into the page a crawl reports. */
    HashedPage hashed(HashReport report) {
        return new HashedPage(index, uri, body.length, report.hex(), by, report.ranBy(), took, report.took(), null);
    }

    /** Hashes the body on the calling thread with {@code rounds} rounds; a failure is reported, not thrown. */
    HashedPage hashHere(int rounds) {
        try {
            return hashed(LabTasks.sha256Report(body, rounds).call());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failedAt("hash", "interrupted");
        } catch (Exception e) {
            return failedAt("hash", HashedPage.describe(e));
        }
    }

    /** Reports this fetch's own failure, or a failure of the stage after it. */
    HashedPage failedAt(String stage, String why) {
        return new HashedPage(index, uri, body == null ? -1 : body.length, null, by, null, took, Duration.ZERO,
                stage + ": " + why);
    }

    /** Reports the fetch failure this is. */
    HashedPage asFailure() {
        return failedAt("fetch", failure);
    }
}
