package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlantedDeadlockTest {

    @Test
    @DisplayName("closing a planted deadlock ends both threads, leaving no leak")
    void closeEndsBothThreads() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            PlantedDeadlock planted = PlantedDeadlock.plant();
            assertFalse(DeadlockFinder.await(Duration.ofSeconds(5)).isEmpty());
            planted.close();
            assertTrue(planted.threads().stream().noneMatch(Thread::isAlive));
            assertTrue(baseline.leaksSince().isClean());
        });
    }
}
