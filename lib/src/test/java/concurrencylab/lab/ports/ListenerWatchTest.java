package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListenerWatchTest {

    @Test
    @DisplayName("a listener that opens and closes while the watch runs is still in what it saw")
    void seesShortLivedListener() throws Exception {
        assumeTrue(ListeningPorts.snapshot().isPresent(), "needs /proc/net/tcp");
        int port;
        try (ListenerWatch watch = new ListenerWatch()) {
            try (PlantedListeners planted = PlantedListeners.open(0, 1)) {
                port = planted.ports().get(0);
                watch.close(); // samples once more on the way out, while the listener is still open
            }
            assertTrue(watch.seen().contains(port), watch.seen().toString());
        }
    }
}
