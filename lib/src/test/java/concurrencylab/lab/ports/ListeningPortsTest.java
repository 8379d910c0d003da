package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListeningPortsTest {

    @Test
    @DisplayName("a port we listen on appears in the snapshot (Linux /proc)")
    void seesOurListener() throws Exception {
        assumeTrue(ListeningPorts.snapshot().isPresent(), "needs /proc/net/tcp");
        try (PlantedListeners planted = PlantedListeners.open(0, 1)) {
            Set<Integer> ports = ListeningPorts.snapshot().orElseThrow();
            assertTrue(ports.contains(planted.ports().get(0)), ports.toString());
        }
    }
}
