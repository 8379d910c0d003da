package concurrencylab.tasks;

import concurrencylab.util.Require;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The one test every client in the course applies before it sends anything: is this host
 * loopback? The course only ever talks to its own lab server on this machine, and its port
 * scanner only to this machine unless the caller opts in.
 *
 * {@snippet :
 * Loopback.isLoopbackHost("127.0.0.1");   // true
 * Loopback.isLoopbackHost("[::1]");       // true (as URI.getHost() spells IPv6)
 * Loopback.isLoopbackHost("example.org"); // false: names other than localhost are never looked up
 * Loopback.requireUrl("start", URI.create("http://example.org/"));   // IllegalArgumentException
 * }
 * <p>Thread safety: stateless.
 */
public final class Loopback {

    /** What the check accepts, for error messages. */
    public static final String ACCEPTED = "localhost, 127.0.0.0/8, [::1]";

    /** The IPv4 loopback address, 127.0.0.1: what {@code localhost} stands for here. */
    public static final InetAddress IPV4 = InetAddress.ofLiteral("127.0.0.1");

    private Loopback() {
    }

    /**
     * Returns whether {@code host} is {@code localhost} or a loopback IP literal (IPv6 with or
     * without brackets). Decides without any DNS lookup; {@code null} is not loopback.
     */
    public static boolean isLoopbackHost(String host) {
        return literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * Returns the address {@code host} spells without any DNS lookup: {@link #IPV4} for
     * {@code localhost} (any case), the address of an IP literal (IPv6 with or without
     * brackets), or empty for anything else, a host name included. Surrounding blanks are ignored.
     */
    public static Optional<InetAddress> literal(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String text = host.strip();
        if (text.equalsIgnoreCase("localhost")) {
            return Optional.of(IPV4);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    /**
     * Returns {@code uri} if it is an http:// or https:// URL whose host is loopback.
     *
     * @param name what the URL is, for the message, e.g. {@code "start"} or {@code "uris[3]"}
     * @throws NullPointerException     if {@code uri} is null
     * @throws IllegalArgumentException if the scheme is not http(s) or the host is not loopback
     */
    public static URI requireUrl(String name, URI uri) {
        Require.nonNull(name, uri);
        String scheme = uri.getScheme();
        Require.that(scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")),
                name, "an http:// or https:// URL", "'" + uri + "'");
        Require.that(isLoopbackHost(uri.getHost()), name, "a URL on loopback (" + ACCEPTED
                + "): the course never sends traffic elsewhere", "'" + uri + "'");
        return uri;
    }
}
