package concurrencylab.lab.pitfalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StarvationDemoTest {
    private static final Duration PATIENCE = Duration.ofMillis(300);

    @Test
    @DisplayName("join() on an inner task of the same full pool times out, both pool threads are seen stuck in join, then end")
    void blockingJoinStarves() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            StarvationRun run = StarvationDemo.run(StarvationDemo.Variant.BLOCKING_JOIN, 2, PATIENCE);
            assertFalse(run.completed(), run::toString);
            assertTrue(run.outcome().startsWith("TimeoutException"), run.outcome());
            assertEquals(StarvationDemo.POOL_SIZE, run.stuck().size(), run::toString);
            assertTrue(run.stuck().stream().allMatch(t -> t.stack().stream()
                    .anyMatch(f -> f.contains("CompletableFuture.join"))), run::toString);
            assertTrue(run.stuckTable().stringColumn("waiting in").asList().stream()
                    .allMatch(s -> s.startsWith("CompletableFuture.join")), () -> run.stuckTable().print());
            assertTrue(run.threadsEnded());
            LeakReport leaks = baseline.leaksSince();
            assertTrue(leaks.isClean(), leaks::toString);
        });
    }

    @ParameterizedTest
    @EnumSource(value = StarvationDemo.Variant.class, names = "BLOCKING_JOIN", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("every fix completes all outer tasks within the patience, with more outer tasks than pool threads, and leaves no thread")
    void fixesComplete(StarvationDemo.Variant fix) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            StarvationRun run = StarvationDemo.run(fix, 6, Duration.ofSeconds(5));
            assertTrue(run.completed(), run::toString);
            assertTrue(run.outcome().startsWith("6 results"), run.outcome());
            assertTrue(run.stuck().isEmpty());
            assertTrue(run.threadsEnded());
            LeakReport leaks = baseline.leaksSince();
            assertTrue(leaks.isClean(), leaks::toString);
        });
    }

    @Test
    @DisplayName("a single outer task cannot starve a pool of two: the blocking variant then completes")
    void oneOuterTaskFits() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertTrue(StarvationDemo.run(StarvationDemo.Variant.BLOCKING_JOIN, 1, Duration.ofSeconds(5)).completed()));
    }

    @Test
    @DisplayName("compare() gives one row per variant and only the mistake fails to finish")
    void compareTable() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            var table = StarvationDemo.compare(2, PATIENCE);
            assertEquals(StarvationDemo.Variant.values().length, table.rowCount());
            assertEquals(1, table.booleanColumn("finished").asList().stream().filter(b -> !b).count());
            assertFalse(table.booleanColumn("finished").get(0));
            assertTrue(table.booleanColumn("all threads ended").asList().stream().allMatch(b -> b));
        });
    }

    @Test
    @DisplayName("counts and patience out of range are refused")
    void validates() {
        assertThrows(IllegalArgumentException.class,
                () -> StarvationDemo.run(StarvationDemo.Variant.COMPOSED, 0, PATIENCE));
        assertThrows(IllegalArgumentException.class,
                () -> StarvationDemo.run(StarvationDemo.Variant.COMPOSED, 2, Duration.ofSeconds(11)));
    }
}
