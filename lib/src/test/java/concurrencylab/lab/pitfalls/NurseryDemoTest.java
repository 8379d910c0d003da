package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.LeakCheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NurseryDemoTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String CANCELLED = "cancelled (interrupted)";

    @Test
    @DisplayName("in a scope, the first failure cancels both slow siblings and no task outlives the scope")
    void firstFailureCancelsSiblings() {
        NurseryRun run = assertTimeoutPreemptively(LIMIT, NurseryDemo::firstFailureCancelsSiblings);
        assertTrue(run.callerSaw().startsWith("FailedException"), run::toString);
        assertTrue(run.fateOf(NurseryDemo.FAILING).startsWith("failed"), run::toString);
        assertEquals(CANCELLED, run.fateOf(NurseryDemo.SLOW_1), run::toString);
        assertEquals(CANCELLED, run.fateOf(NurseryDemo.SLOW_2), run::toString);
        assertEquals(0, run.orphans(), run::toString);
    }

    @Test
    @DisplayName("a scope's deadline cancels every task and the caller sees a TimeoutException")
    void deadlineCancelsEveryone() {
        NurseryRun run = assertTimeoutPreemptively(LIMIT,
                () -> NurseryDemo.deadlineCancelsEveryone(Duration.ofMillis(20)));
        assertEquals("TimeoutException", run.callerSaw(), run::toString);
        assertEquals(3, run.fates().size(), run::toString);
        assertTrue(run.fates().stream().allMatch(f -> f.fate().equals(CANCELLED)), run::toString);
        assertEquals(0, run.orphans());
    }

    @Test
    @DisplayName("on CompletableFuture the slow tasks complete after the caller moved on, despite cancel(true), and leave no thread behind")
    void completableFutureLeavesOrphans() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            NurseryRun run = NurseryDemo.orphansOnCompletableFuture();
            assertTrue(run.callerSaw().contains("cancel(true)"), run::toString);
            assertEquals("completed", run.fateOf(NurseryDemo.SLOW_1), run::toString);
            assertEquals("completed", run.fateOf(NurseryDemo.SLOW_2), run::toString);
            assertEquals(2, run.orphans(), run::toString);
            assertTrue(baseline.leaksSince().isClean());
            assertEquals(3, run.toTable().rowCount());
        });
    }

    @Test
    @DisplayName("a deadline outside 1 ms..10 s is rejected")
    void rejectsBadDeadline() {
        assertThrows(IllegalArgumentException.class, () -> NurseryDemo.deadlineCancelsEveryone(Duration.ZERO));
    }
}
