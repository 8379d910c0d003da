package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.tasks.Loopback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScanResultTest {
    private final ScanResult result = new ScanResult(Loopback.IPV4, "StructuredTaskScope",
            PortSpec.parse("20-25"), List.of(22), List.of(25), 4, 1, Duration.ofMillis(12));

    @Test
    @DisplayName("stateOf answers open, filtered and closed for scanned ports and rejects others")
    void stateOf() {
        assertEquals(PortState.OPEN, result.stateOf(22));
        assertEquals(PortState.FILTERED, result.stateOf(25));
        assertEquals(PortState.CLOSED, result.stateOf(20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> result.stateOf(80));
        assertTrue(e.getMessage().startsWith("port must be one of the scanned ports ") && e.getMessage().endsWith(", got 80"),
                e.getMessage());
    }

    @Test
    @DisplayName("the summary names host, open ports, counts, time and variant")
    void summary() {
        assertEquals("127.0.0.1: 1 open [22], 4 closed, 1 filtered in 12 ms (StructuredTaskScope, 6 ports)",
                result.summary());
        assertEquals(6, result.scanned());
    }

    @Test
    @DisplayName("the lists are copied: changing the caller's list does not change the result")
    void immutable() {
        List<Integer> open = new ArrayList<>(List.of(22));
        ScanResult r = new ScanResult(Loopback.IPV4, "x", PortSpec.of(22), open, List.of(), 0, 0, Duration.ZERO);
        open.add(23);
        assertEquals(List.of(22), r.open());
        assertThrows(UnsupportedOperationException.class, () -> r.open().add(1));
    }
}
