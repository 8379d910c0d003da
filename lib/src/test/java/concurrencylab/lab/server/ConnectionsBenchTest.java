package concurrencylab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ConnectionsBench} and its client JVM ({@link LoadClients}) at a small size. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConnectionsBenchTest {

    @Test
    @DisplayName("the server benchmark's descriptor check passes for a few connections and explains a too-low limit")
    void descriptorCheckExplainsTheLimit() {
        assertNull(ConnectionsBench.descriptorShortage(10));
        String message = ConnectionsBench.descriptorShortage(Integer.MAX_VALUE / 2);
        assertTrue(message != null && message.contains("ulimit -n"), String.valueOf(message));
    }

    @Test
    @DisplayName("20 connections held 200 ms: all answered, the peak reaches 20, and the CSV has one line")
    void aSmallRunMeetsItsTarget() throws Exception {
        var lines = new ByteArrayOutputStream();
        ConnectionsBench.Result r = ConnectionsBench.run(20, 200, new PrintStream(lines, true, StandardCharsets.UTF_8));
        assertEquals(20, r.ok(), r.toString());
        assertEquals(0, r.errors(), r.toString());
        assertEquals(20, r.peak(), r.toString());
        assertTrue(r.met());
        assertTrue(r.clientSeconds() >= 0.2, "each request is held 200 ms: " + r);
        assertTrue(ConnectionsBench.table(r).contains("met: errors = 0 and peak = 20"), ConnectionsBench.table(r));
        List<String> csv = ConnectionsBench.csv(r).lines().toList();
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("20,200,20,0,20,") && csv.get(1).endsWith(",true"), csv.get(1));
    }
}
