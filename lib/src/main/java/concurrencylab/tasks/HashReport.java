package concurrencylab.tasks;

import java.io.Serializable;
import java.time.Duration;

/**
 * A digest and who computed it: the answer of {@link LabTasks#sha256Report(byte[], int)}.
 *
 * {@snippet :
 * HashReport r = pool.submit(LabTasks.sha256Report(body, 50_000)).get(30, TimeUnit.SECONDS);
 * System.out.println(r.hex() + " in " + r.took().toMillis() + " ms by " + r.ranBy());
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param hex   the last SHA-256 digest in lower-case hex
 * @param bytes how many bytes were hashed in the first round (the body's length)
 * @param ranBy the process and thread that did the hashing
 * @param took  how long the hashing took on that thread (wall time)
 */
public record HashReport(String hex, int bytes, ExecutionSite ranBy, Duration took) implements Serializable {
}
