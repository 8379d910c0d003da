package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.scan.Connector;
import concurrencylab.scan.NioConnector;
import concurrencylab.tasks.Loopback;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SilentListenersTest {

    @Test
    @DisplayName("a silent port gets no answer within a short timeout, and close releases it")
    void silentThenGone() throws Exception {
        int port;
        try (SilentListeners silent = SilentListeners.open(1)) {
            port = silent.ports()[0];
            assertEquals(Connector.Probe.FILTERED, NioConnector.DEFAULT.probe(
                    new InetSocketAddress(Loopback.IPV4, port), Duration.ofMillis(200).toNanos()));
        }
        assertEquals(Connector.Probe.CLOSED, NioConnector.DEFAULT.probe(
                new InetSocketAddress(Loopback.IPV4, port), Duration.ofSeconds(2).toNanos()));
    }

    @Test
    @DisplayName("a count outside 1..100 is rejected with the accepted range")
    void rejectsBadCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SilentListeners.open(0));
        assertEquals("silent listener count must be 1 to 100, got 0", e.getMessage());
    }
}
