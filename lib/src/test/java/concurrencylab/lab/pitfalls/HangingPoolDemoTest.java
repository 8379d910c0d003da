package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.LeakCheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HangingPoolDemoTest {

    @Test
    @DisplayName("the bounded wait times out, the dump shows both workers waiting in FutureTask.get, and the pool then ends")
    void hangIsFoundAndEnded() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            HangingPoolDemo.Found found = HangingPoolDemo.run(Duration.ofMillis(200));
            assertTrue(found.callerSaw().startsWith("TimeoutException"), found::toString);
            assertEquals(2, found.stuck().size(), found::toString);
            assertTrue(found.stuck().stream().allMatch(t -> t.stack().stream()
                    .anyMatch(f -> f.contains("FutureTask.get"))), found::toString);
            assertTrue(found.toTable().stringColumn("waiting in").asList().stream()
                    .allMatch(s -> s.startsWith("FutureTask.")), () -> found.toTable().print());
            assertTrue(found.poolEnded());
            assertTrue(baseline.leaksSince().isClean());
        });
    }

    @Test
    @DisplayName("patience outside 1 ms..10 s is rejected")
    void rejectsBadPatience() {
        assertThrows(IllegalArgumentException.class, () -> HangingPoolDemo.run(Duration.ofSeconds(11)));
    }
}
