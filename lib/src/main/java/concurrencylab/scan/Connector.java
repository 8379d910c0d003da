package concurrencylab.scan;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Probes one port. The seam between the scanners and the network: tests substitute one that
 * records attempts or forces a self-connect. Implementations must be thread-safe and must close
 * every socket they open before returning or throwing.
 */
@FunctionalInterface
interface Connector {
    /**
     * Connects to {@code target}, waiting at most {@code timeoutNanos} for the connect itself,
     * then closes.
     *
     * @throws IOException on a failure that is not an answer about the port (the scan stops)
     */
    Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException;

    /** What one probe found; a self-connect is reported apart so it can be counted and discarded. */
    enum Probe { OPEN, CLOSED, FILTERED, SELF_CONNECT }
}
