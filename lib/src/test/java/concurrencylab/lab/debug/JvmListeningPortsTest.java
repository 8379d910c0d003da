package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JvmListeningPortsTest {

    @Test
    @DisplayName("a loopback server socket's port is listed while open and not after close")
    void listsOpenServerSocket() throws Exception {
        assumeTrue(JvmListeningPorts.supported(), "needs Linux /proc");
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertTrue(JvmListeningPorts.ofThisJvm().contains(port));
        }
        assertFalse(JvmListeningPorts.ofThisJvm().contains(port));
    }

    @Test
    @DisplayName("a missing /proc table gives no ports instead of an error")
    void missingTableIsEmpty() {
        assertTrue(JvmListeningPorts.listening(Path.of("/no/such/table"), Set.of(1L)).isEmpty());
    }
}
