package concurrencylab.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What to scan and how: a host, its ports, the concurrency limit and the per-connect timeout.
 *
 * <p>Every field is validated when the request is built, before any connect. The host must be
 * a loopback address (127.0.0.0/8 or ::1) unless {@code allowRemote} is set: scanning hosts you
 * do not own, or have no written permission to test, is not allowed. Without that opt-in a host
 * name other than {@code localhost} is not even resolved, so no packet leaves the machine.
 *
 * {@snippet :
 * var request = ScanRequest.loopback("1-1024")
 *         .withLimit(500)
 *         .withTimeout(Duration.ofMillis(500));
 * }
 *
 * <p>Immutable and thread-safe. Introduced in notebook {@code 07.6-Port-Scanner}.
 *
 * @param host the target
 * @param ports the ports to probe
 * @param limit the most connects in flight at once, 1..10000
 * @param timeout how long one connect may take, 1 ms..60 s; time spent waiting for a free slot
 *     does not count
 * @param allowRemote whether a non-loopback host is accepted
 */
public record ScanRequest(InetAddress host, PortSpec ports, int limit, Duration timeout, boolean allowRemote) {
    /** The default concurrency limit (the seed course's {@code Semaphore(500)}). */
    public static final int DEFAULT_LIMIT = 500;
    /** The largest accepted limit: each connect in flight holds a file descriptor. */
    public static final int MAX_LIMIT = 10_000;
    /** The default per-connect timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
    /** The shortest accepted per-connect timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** The longest accepted per-connect timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException if a field is null, the limit is outside 1..10000, the
     *     timeout is outside 1 ms..60 s, or the host is not loopback and {@code allowRemote} is false
     */
    public ScanRequest {
        if (host == null) {
            throw new IllegalArgumentException("host is missing; " + ScanHosts.ACCEPTED);
        }
        if (ports == null) {
            throw new IllegalArgumentException("ports are missing; " + PortSpec.ACCEPTED);
        }
        checkLimit(limit);
        checkTimeout(timeout);
        if (!allowRemote && !host.isLoopbackAddress()) {
            throw ScanHosts.notLoopback(host.getHostAddress());
        }
    }

    /**
     * Returns a request for 127.0.0.1 with the default limit and timeout.
     *
     * @throws IllegalArgumentException if the port spec is invalid (see {@link PortSpec#parse})
     */
    public static ScanRequest loopback(String ports) {
        return loopback(PortSpec.parse(ports));
    }

    /** Returns a request for 127.0.0.1 and the given ports with the default limit and timeout. */
    public static ScanRequest loopback(PortSpec ports) {
        return new ScanRequest(ScanHosts.IPV4_LOOPBACK, ports, DEFAULT_LIMIT, DEFAULT_TIMEOUT, false);
    }

    /**
     * Returns a request for a host given as text (an IP literal or {@code localhost}); loopback only.
     *
     * @throws IllegalArgumentException if the host is blank, not loopback, or a name other than
     *     {@code localhost}; or if the port spec is invalid
     */
    public static ScanRequest of(String host, String ports) {
        return of(host, ports, false);
    }

    /**
     * Returns a request for a host given as text; with {@code allowRemote} a non-loopback host
     * is accepted (and a host name is resolved). Only scan hosts you own.
     *
     * @throws IllegalArgumentException if the host is blank, cannot be resolved, or is not
     *     loopback while {@code allowRemote} is false; or if the port spec is invalid
     */
    public static ScanRequest of(String host, String ports, boolean allowRemote) {
        InetAddress address = ScanHosts.parse(host, allowRemote);
        return new ScanRequest(address, PortSpec.parse(ports), DEFAULT_LIMIT, DEFAULT_TIMEOUT, allowRemote);
    }

    /**
     * Returns a copy with another concurrency limit.
     *
     * @throws IllegalArgumentException if {@code limit} is outside 1..10000
     */
    public ScanRequest withLimit(int limit) {
        return new ScanRequest(host, ports, limit, timeout, allowRemote);
    }

    /**
     * Returns a copy with another per-connect timeout.
     *
     * @throws IllegalArgumentException if {@code timeout} is null or outside 1 ms..60 s
     */
    public ScanRequest withTimeout(Duration timeout) {
        return new ScanRequest(host, ports, limit, timeout, allowRemote);
    }

    /** Returns a copy with other ports. */
    public ScanRequest withPorts(PortSpec ports) {
        return new ScanRequest(host, ports, limit, timeout, allowRemote);
    }

    /**
     * Returns the bound on the whole scan: every port filtered, plus a generous margin for the
     * closed ones. A scan that takes longer is cancelled.
     */
    public Duration deadline() {
        long rounds = (ports.size() + limit - 1) / limit;
        return timeout.multipliedBy(rounds).multipliedBy(2).plusSeconds(60);
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range; accepted: 1.."
                    + MAX_LIMIT + " concurrent connects");
        }
    }

    static void checkTimeout(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException("timeout is missing; accepted: 1..60000 ms per connect");
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout " + timeout.toMillis() + " ms is out of range;"
                    + " accepted: 1..60000 ms per connect");
        }
    }

    /** Resolves a name; package-private so that only an explicit opt-in reaches it. */
    static InetAddress resolve(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + name + "' cannot be resolved; "
                    + ScanHosts.ACCEPTED, e);
        }
    }
}
