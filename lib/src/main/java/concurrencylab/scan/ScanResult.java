package concurrencylab.scan;

import concurrencylab.util.Require;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of one scan: open and filtered ports in ascending order, counts, and the time taken.
 *
 * {@snippet :
 * ScanResult result = PortScanner.structured().scan(ScanRequest.loopback("1-1024"));
 * System.out.println(result.open() + " in " + result.elapsed().toMillis() + " ms");
 * }
 *
 * <p>Immutable and thread-safe (the lists are unmodifiable). Introduced in notebook
 * {@code 07.6-Port-Scanner}.
 *
 * @param host the scanned host
 * @param variant which scanner produced it, e.g. {@code StructuredTaskScope}
 * @param ports the ports probed
 * @param open the open ports, ascending
 * @param filtered the ports whose connect timed out, ascending
 * @param closed how many ports answered with a reset
 * @param selfConnects how many connects reached our own socket and were discarded (counted as closed)
 * @param elapsed wall-clock time of the whole scan
 */
public record ScanResult(InetAddress host, String variant, PortSpec ports, List<Integer> open,
        List<Integer> filtered, int closed, int selfConnects, Duration elapsed) {

    /** Copies the lists, so the record stays immutable. */
    public ScanResult {
        open = List.copyOf(open);
        filtered = List.copyOf(filtered);
    }

    /** Returns how many ports were probed. */
    public int scanned() {
        return ports.size();
    }

    /**
     * Returns the state found for {@code port}.
     *
     * @throws IllegalArgumentException if the port was not part of this scan
     */
    public PortState stateOf(int port) {
        Require.that(ports.contains(port), "port", "one of the scanned ports " + ports, port);
        if (Collections.binarySearch(open, port) >= 0) {
            return PortState.OPEN;
        }
        return Collections.binarySearch(filtered, port) >= 0 ? PortState.FILTERED : PortState.CLOSED;
    }

    /** Returns a one-line summary, e.g. {@code 127.0.0.1: 2 open [22, 8080], 1022 closed, 0 filtered in 31 ms}. */
    public String summary() {
        return "%s: %d open %s, %d closed, %d filtered in %d ms (%s, %d ports)".formatted(
                host.getHostAddress(), open.size(), open, closed, filtered.size(), elapsed.toMillis(),
                variant, scanned());
    }

    @Override
    public String toString() {
        return summary();
    }
}
