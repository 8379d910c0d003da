package homework;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 2: one port scanner, written three ways (given contract; the three classes
 * {@link ScopeScanner}, {@link FutureScanner} and {@link PoolScanner} are yours).
 *
 * {@snippet :
 * List<Integer> open = new ScopeScanner().scan("127.0.0.1", ports, 100,
 *         Duration.ofMillis(500), PortProbe.tcp(), Duration.ofSeconds(10));
 * }
 * <p>The contract every variant must keep (the grading tests check each point):
 * <ol>
 *   <li>it returns the ports whose probe said open, ascending, and agrees with the others;</li>
 *   <li>at most {@code limit} probes run at the same moment;</li>
 *   <li>when a probe throws, the scan throws {@link ScanFailedException} with that exception
 *       as its cause, and first cancels (interrupts) every probe still running;</li>
 *   <li>when {@code deadline} passes, the scan throws {@link TimeoutException}, cancelling the
 *       same way; when the caller is interrupted, it throws {@link InterruptedException};</li>
 *   <li>whatever happens, no probe is still running when {@code scan} returns or throws.</li>
 * </ol>
 * Implementations are stateless and thread-safe.
 */
public interface ScanVariant {

    /** Returns a short name for the comparison table, e.g. "StructuredTaskScope". */
    String name();

    /**
     * Scans {@code ports} on a loopback {@code host} with {@code probe}.
     *
     * @param limit most probes running at once, at least 1
     * @param connectTimeout passed to every probe
     * @param deadline the whole scan's budget
     * @return the open ports, ascending
     * @throws IllegalArgumentException if the host is not loopback, a port is outside 1-65535
     *     or {@code limit < 1}
     * @throws ScanFailedException if a probe threw (the probe's exception is the cause)
     * @throws TimeoutException if the deadline passed first
     * @throws InterruptedException if the calling thread was interrupted
     */
    List<Integer> scan(String host, List<Integer> ports, int limit, Duration connectTimeout,
                       PortProbe probe, Duration deadline)
            throws ScanFailedException, TimeoutException, InterruptedException;
}
