package homework;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Guards every scan in the homework: loopback addresses and ports 1-65535 only (given code).
 * Stateless and thread-safe.
 */
public final class LoopbackOnly {

    private LoopbackOnly() {
    }

    /**
     * Resolves {@code host:port}, refusing anything that is not loopback.
     *
     * @throws IllegalArgumentException if the host is not a loopback address (127.0.0.0/8, ::1)
     *     or the port is outside 1-65535
     */
    public static InetSocketAddress address(String host, int port) {
        checkPort(port);
        try {
            InetAddress resolved = InetAddress.getByName(host);
            if (!resolved.isLoopbackAddress()) {
                throw new IllegalArgumentException("host " + host + " is not loopback: the homework scans only 127.0.0.0/8 or ::1");
            }
            return new InetSocketAddress(resolved, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host + ": use 127.0.0.1, localhost or ::1", e);
        }
    }

    /**
     * Checks a whole scan request up front.
     *
     * @throws IllegalArgumentException if the host is not loopback or a port is outside 1-65535
     */
    public static void check(String host, List<Integer> ports) {
        address(host, 1);
        ports.forEach(LoopbackOnly::checkPort);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range: ports are 1-65535");
        }
    }
}
