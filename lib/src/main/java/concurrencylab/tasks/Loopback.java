package concurrencylab.tasks;

import java.net.InetAddress;

/**
 * The one test every client in the course applies before it sends anything: is this host
 * loopback? The course only ever talks to its own lab server on this machine.
 *
 * {@snippet :
 * Loopback.isLoopbackHost("127.0.0.1");   // true
 * Loopback.isLoopbackHost("[::1]");       // true (as URI.getHost() spells IPv6)
 * Loopback.isLoopbackHost("example.org"); // false: names other than localhost are never looked up
 * }
 * <p>Thread safety: stateless.
 */
public final class Loopback {

    /** What the check accepts, for error messages. */
    public static final String ACCEPTED = "localhost, 127.0.0.0/8, [::1]";

    private Loopback() {
    }

    /**
     * Returns whether {@code host} is {@code localhost} or a loopback IP literal (IPv6 with or
     * without brackets). Decides without any DNS lookup; {@code null} is not loopback.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }
}
