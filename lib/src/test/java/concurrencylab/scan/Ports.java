package concurrencylab.scan;

import concurrencylab.tasks.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Test helper: ports we opened ourselves. */
final class Ports {
    private Ports() {
    }

    /** Returns a port that was free a moment ago (we bound it, then let it go): closed. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(Loopback.IPV4, 0));
            return s.getLocalPort();
        }
    }
}
