package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.scan.Connector;
import concurrencylab.scan.NioConnector;
import concurrencylab.tasks.Loopback;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlantedListenersTest {

    @Test
    @DisplayName("planted listeners accept connections while open and are gone after close")
    void opensAndCloses() throws Exception {
        List<Integer> ports;
        try (PlantedListeners planted = PlantedListeners.open(1, 2)) {
            ports = planted.ports();
            assertEquals(planted.lowSkipped() ? 2 : 3, ports.size());
            for (int port : ports) {
                assertEquals(Connector.Probe.OPEN, NioConnector.DEFAULT.probe(
                        new InetSocketAddress(Loopback.IPV4, port), Duration.ofSeconds(2).toNanos()));
            }
        }
        for (int port : ports) {
            assertThrows(java.net.ConnectException.class, () -> {
                try (SocketChannel c = SocketChannel.open(new InetSocketAddress(Loopback.IPV4, port))) {
                    c.isConnected();
                }
            });
        }
    }

    @Test
    @DisplayName("a negative or too large count is rejected with the accepted range")
    void rejectsBadCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlantedListeners.open(-1, 1));
        assertEquals("low listener count must be 0 to 100, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlantedListeners.open(0, 101));
        assertEquals("high listener count must be 0 to 100, got 101", e.getMessage());
    }
}
