package concurrencylab.scan;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Probes one port. The seam between the scanners and the network: tests substitute one that
 * records attempts or forces a self-connect. Implementations must be thread-safe and must close
 * every socket they open before returning or throwing.
 */
@FunctionalInterface
public interface Connector {
    /**
     * Connects to {@code target}, waiting at most {@code timeoutNanos} for the connect itself,
     * then closes.
     *
     * @throws IOException on a failure that is not an answer about the port (the scan stops)
     */
    Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException;

    /**
     * Opens a session for one worker thread, which may keep state (such as a socket) between
     * its probes; the default session just calls {@link #probe}. The caller closes it.
     */
    default Session session() {
        return this::probe;
    }

    /** A worker's sequence of probes; used by one thread; close releases whatever it holds. */
    @FunctionalInterface
    interface Session extends AutoCloseable {
        /** Probes one port; see {@link Connector#probe}. */
        Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException;

        /** Releases what the session holds; never throws for a session that holds nothing. */
        @Override
        default void close() throws IOException {
        }
    }

    /** Returns the fastest connector this JVM can use: the native one on Linux when allowed, else NIO. */
    static Connector best() {
        return NativeConnector.usable() ? new NativeConnector(NioConnector.DEFAULT) : NioConnector.DEFAULT;
    }

    /** What one probe found; a self-connect is reported apart so it can be counted and discarded. */
    enum Probe { OPEN, CLOSED, FILTERED, SELF_CONNECT }
}
