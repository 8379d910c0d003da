package concurrencylab.scan;

import concurrencylab.tasks.Loopback;
import concurrencylab.util.Require;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What to scan and how: a host, its ports, how many connects may be in flight at once and how
 * long one connect may take.
 *
 * <p>Every field is validated when the request is made, before any connect. The host must be
 * a loopback address (127.0.0.0/8 or ::1, decided by {@link Loopback}) unless {@code allowRemote}
 * is set: scanning hosts you do not own, or have no written permission to test, is not allowed.
 * Without that opt-in a host name other than {@code localhost} is not even resolved, so no
 * packet leaves the machine.
 *
 * {@snippet :
 * var request = ScanRequest.loopback("1-1024")
 *         .withConcurrency(500)
 *         .withConnectTimeout(Duration.ofMillis(500));
 * }
 *
 * <p>An immutable value and thread-safe: each {@code with} method returns a checked copy.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 *
 * @param host           the target
 * @param ports          the ports to probe
 * @param concurrency    the most connects in flight at once, 1..10000
 * @param connectTimeout how long one connect may take, 1 ms..60 s; time spent waiting for a free
 *                       slot does not count
 * @param allowRemote    whether a non-loopback host is accepted
 */
public record ScanRequest(InetAddress host, PortSpec ports, int concurrency, Duration connectTimeout,
                          boolean allowRemote) {
    /** The default concurrency (the seed course's {@code Semaphore(500)}). */
    public static final int DEFAULT_CONCURRENCY = 500;
    /** The largest accepted concurrency: each connect in flight holds a file descriptor. */
    public static final int MAX_CONCURRENCY = 10_000;
    /** The default per-connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    /** The shortest accepted per-connect timeout. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(1);
    /** The longest accepted per-connect timeout. */
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    /** What a host may be, for error messages. */
    static final String ACCEPTED_HOSTS = "accepted: a loopback address (127.0.0.1, any 127.x.y.z, ::1)"
            + " or localhost; another host only with allowRemote (--allow-remote), and only a host"
            + " you own: scanning hosts you do not own is not allowed";

    /**
     * Validates every field.
     *
     * @throws NullPointerException     if the host, the ports or the timeout is null
     * @throws IllegalArgumentException if the concurrency is outside 1..10000, the timeout is
     *     outside 1 ms..60 s, or the host is not loopback and {@code allowRemote} is false
     */
    public ScanRequest {
        Require.nonNull("host", host);
        Require.nonNull("ports", ports);
        Require.inRange("concurrency", concurrency, 1, MAX_CONCURRENCY);
        Require.inRange("connectTimeout", connectTimeout, MIN_CONNECT_TIMEOUT, MAX_CONNECT_TIMEOUT);
        if (!allowRemote && !host.isLoopbackAddress()) {
            throw notLoopback(host.getHostAddress());
        }
    }

    /**
     * Returns a request for 127.0.0.1 with the default concurrency and timeout.
     *
     * @throws IllegalArgumentException if the port spec is invalid (see {@link PortSpec#parse})
     */
    public static ScanRequest loopback(String ports) {
        return loopback(PortSpec.parse(ports));
    }

    /** Returns a request for 127.0.0.1 and the given ports with the default concurrency and timeout. */
    public static ScanRequest loopback(PortSpec ports) {
        return new ScanRequest(Loopback.IPV4, ports, DEFAULT_CONCURRENCY, DEFAULT_CONNECT_TIMEOUT, false);
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
        InetAddress address = parseHost(host, allowRemote);
        return new ScanRequest(address, PortSpec.parse(ports), DEFAULT_CONCURRENCY, DEFAULT_CONNECT_TIMEOUT,
                allowRemote);
    }

    /** Returns a copy with at most {@code concurrency} (1..10000) connects in flight. */
    public ScanRequest withConcurrency(int concurrency) {
        return new ScanRequest(host, ports, concurrency, connectTimeout, allowRemote);
    }

    /** Returns a copy whose connects each time out after {@code connectTimeout} (1 ms..60 s). */
    public ScanRequest withConnectTimeout(Duration connectTimeout) {
        return new ScanRequest(host, ports, concurrency, connectTimeout, allowRemote);
    }

    /** Returns a copy with other ports. */
    public ScanRequest withPorts(PortSpec ports) {
        return new ScanRequest(host, ports, concurrency, connectTimeout, allowRemote);
    }

    /**
     * Returns the bound on the whole scan: every port filtered, plus a generous margin for the
     * closed ones. A scan that takes longer is cancelled.
     */
    public Duration deadline() {
        long rounds = (ports.size() + concurrency - 1) / concurrency;
        return connectTimeout.multipliedBy(rounds).multipliedBy(2).plusSeconds(60);
    }

    /**
     * Parses an IP literal or {@code localhost} without any lookup ({@link Loopback#literal});
     * resolves another name only with {@code allowRemote}.
     */
    static InetAddress parseHost(String host, boolean allowRemote) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty; " + ACCEPTED_HOSTS);
        }
        String text = host.strip();
        InetAddress literal = Loopback.literal(text).orElse(null);
        if (allowRemote) {
            return literal != null ? literal : resolve(text);
        }
        if (literal == null || !literal.isLoopbackAddress()) {
            throw notLoopback(text);
        }
        return literal;
    }

    private static IllegalArgumentException notLoopback(String host) {
        return new IllegalArgumentException("host " + host + " is not a loopback address and allowRemote is off:"
                + " it was not resolved and nothing was sent to it; " + ACCEPTED_HOSTS);
    }

    /** Resolves a name; only an explicit opt-in reaches it. */
    private static InetAddress resolve(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + name + "' cannot be resolved; " + ACCEPTED_HOSTS, e);
        }
    }
}
