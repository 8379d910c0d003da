package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlockFinderTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    @DisplayName("a planted lock-ordering deadlock is found: each thread waits for a lock the other holds")
    void findsPlantedDeadlock() {
        assertTimeoutPreemptively(LIMIT, () -> {
            PlantedDeadlock planted = PlantedDeadlock.plant();
            try {
                List<DeadlockFinder.Deadlocked> found = DeadlockFinder.await(Duration.ofSeconds(5));
                assertEquals(List.of("deadlock-A", "deadlock-B"),
                        found.stream().map(DeadlockFinder.Deadlocked::thread).sorted().toList());
                assertTrue(found.stream().allMatch(d -> d.waitingFor().contains("ReentrantLock")), found::toString);
                assertTrue(found.stream().allMatch(d -> !d.heldBy().equals(d.thread())
                        && d.heldBy().startsWith("deadlock-")), found::toString);
                assertEquals(2, DeadlockFinder.toTable(found).rowCount());
            } finally {
                planted.close();
            }
            assertTrue(planted.threads().stream().noneMatch(Thread::isAlive));
            assertTrue(DeadlockFinder.find().isEmpty());
        });
    }

    @Test
    @DisplayName("with no deadlock, await returns an empty list after its timeout")
    void noDeadlockGivesEmpty() throws InterruptedException {
        assertTrue(DeadlockFinder.await(Duration.ofMillis(50)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeadlockFinder.await(Duration.ofMinutes(5)));
    }
}
