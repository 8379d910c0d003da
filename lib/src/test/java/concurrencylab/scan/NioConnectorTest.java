package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.lab.ports.SilentListeners;
import concurrencylab.tasks.Loopback;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NioConnectorTest {
    private static final long SHORT = Duration.ofMillis(200).toNanos();

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(Loopback.IPV4, port);
    }

    @Test
    @DisplayName("binding the local end to the target forces a self-connect, which the probe recognizes")
    void recognizesForcedSelfConnect() throws Exception {
        List<SocketChannel> opened = new CopyOnWriteArrayList<>();
        int port = Ports.closedPort();
        assertEquals(Connector.Probe.SELF_CONNECT, new NioConnector(true, opened::add).probe(loopback(port), SHORT));
        assertEquals(1, opened.size());
        assertFalse(opened.get(0).isOpen(), "the self-connected channel was left open");
    }

    @Test
    @DisplayName("a listener is open, a refused port closed, a silent one filtered; each channel closed after")
    void classifiesAndCloses() throws Exception {
        List<SocketChannel> opened = new CopyOnWriteArrayList<>();
        NioConnector connector = new NioConnector(false, opened::add);
        try (PlantedListeners planted = PlantedListeners.open(0, 1); SilentListeners full = SilentListeners.open(1)) {
            assertEquals(Connector.Probe.OPEN, connector.probe(loopback(planted.ports().get(0)), SHORT));
            assertEquals(Connector.Probe.CLOSED, connector.probe(loopback(Ports.closedPort()), SHORT));
            assertEquals(Connector.Probe.FILTERED, connector.probe(loopback(full.ports()[0]), SHORT));
        }
        assertEquals(3, opened.size());
        opened.forEach(c -> assertFalse(c.isOpen(), c + " was left open"));
    }
}
