package concurrencylab.scan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of one scan, shared by the three scanner variants so that they differ only in how
 * they run and wait for the workers. Each worker holds one of the {@code concurrency} slots for its
 * whole life and takes the next port from a shared cursor, so at most {@code concurrency} connects
 * are in flight and the per-connect clock starts only once a slot is held: waiting never counts
 * as a timeout. Thread-safe: workers write disjoint array cells; the caller reads them after
 * joining the workers (which gives the happens-before edge).
 */
final class Sweep {
    private final InetAddress host;
    private final int[] ports;
    private final byte[] found;
    private final long timeoutNanos;
    private final int workers;
    private final Connector connector;
    private final ScanListener listener;
    private final AtomicInteger cursor = new AtomicInteger();
    private final AtomicInteger selfConnects = new AtomicInteger();
    private final Object listenerLock = new Object();
    private volatile boolean stopped;

    Sweep(ScanRequest request, Connector connector, ScanListener listener) {
        this.host = request.host();
        this.ports = request.ports().sharedArray();
        this.found = new byte[ports.length];
        this.timeoutNanos = request.connectTimeout().toNanos();
        this.workers = Math.min(request.concurrency(), ports.length);
        this.connector = connector;
        this.listener = listener == null ? ScanListener.silent() : listener;
    }

    /** Returns how many workers to start: the concurrency, or fewer if there are fewer ports. */
    int workers() {
        return workers;
    }

    /** Probes ports until none is left, the sweep is stopped, or the thread is interrupted. */
    Void work() throws IOException {
        try (Connector.Session session = connector.session()) {
            int i;
            while (!stopped && !Thread.currentThread().isInterrupted() && (i = cursor.getAndIncrement()) < ports.length) {
                record(i, session.probe(new InetSocketAddress(host, ports[i]), timeoutNanos));
            }
        }
        return null;
    }

    /** Asks every worker to stop after its current probe (for APIs that cannot interrupt). */
    void stop() {
        stopped = true;
    }

    private void record(int i, Connector.Probe probe) {
        found[i] = code(probe);
        if (probe == Connector.Probe.SELF_CONNECT) {
            selfConnects.incrementAndGet();
        } else if (probe == Connector.Probe.OPEN) {
            synchronized (listenerLock) {
                listener.open(host, ports[i]);
            }
        }
    }

    private static byte code(Connector.Probe probe) {
        return (byte) (probe.ordinal() + 1); // 0 means "not probed yet"
    }

    /** Builds the result; call only after every worker has finished normally. */
    ScanResult result(ScanRequest request, String variant, Duration elapsed) {
        List<Integer> open = new ArrayList<>();
        List<Integer> filtered = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            if (found[i] == 0) {
                throw new IllegalStateException("port " + ports[i] + " was never probed");
            } else if (found[i] == code(Connector.Probe.OPEN)) {
                open.add(ports[i]);
            } else if (found[i] == code(Connector.Probe.FILTERED)) {
                filtered.add(ports[i]);
            }
        }
        int closed = ports.length - open.size() - filtered.size();
        return new ScanResult(host, variant, request.ports(), open, filtered, closed, selfConnects.get(), elapsed);
    }
}
