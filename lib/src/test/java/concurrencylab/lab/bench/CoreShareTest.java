package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CoreShare}: a physically possible share, and bad arguments rejected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoreShareTest {

    @Test
    @DisplayName("the cores obtained are above zero and no more than the threads or the cores there are (with 10 % slack)")
    void shareIsPossible() throws Exception {
        double share = CoreShare.measure(2, Duration.ofMillis(100));
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(share > 0, "spinning threads got no CPU at all: " + share);
        assertTrue(share <= Math.min(2, cores) * 1.1, "more CPU than the machine has: " + share);
    }

    @Test
    @DisplayName("thread counts outside 1..256 and spins outside 1 ms..10 s are rejected")
    void badArgumentsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> CoreShare.measure(0, Duration.ofMillis(10)));
        assertEquals("threads must be 1 to 256, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoreShare.measure(1, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> CoreShare.measure(1, null));
    }
}
