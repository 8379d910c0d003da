package concurrencylab.scan;

import java.net.InetAddress;

/** Host validation for {@link ScanRequest}: loopback unless the caller opts in. Stateless. */
public final class ScanHosts {
    public static final InetAddress IPV4_LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    static final String ACCEPTED = "accepted: a loopback address (127.0.0.1, any 127.x.y.z, ::1)"
            + " or localhost; another host only with allowRemote (--allow-remote), and only a host"
            + " you own: scanning hosts you do not own is not allowed";

    private ScanHosts() {
    }

    /** Parses an IP literal or {@code localhost}; resolves other names only with allowRemote. */
    static InetAddress parse(String host, boolean allowRemote) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty; " + ACCEPTED);
        }
        String text = host.strip();
        if (text.equalsIgnoreCase("localhost")) {
            return IPV4_LOOPBACK;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        InetAddress literal = literal(text);
        if (literal != null) {
            if (!allowRemote && !literal.isLoopbackAddress()) {
                throw notLoopback(text);
            }
            return literal;
        }
        if (!allowRemote) {
            throw new IllegalArgumentException("host '" + text + "' is a name, not a loopback address;"
                    + " it was not resolved; " + ACCEPTED);
        }
        return ScanRequest.resolve(text);
    }

    static IllegalArgumentException notLoopback(String host) {
        return new IllegalArgumentException("host " + host + " is not a loopback address and"
                + " allowRemote is off, so nothing was sent to it; " + ACCEPTED);
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }
}
