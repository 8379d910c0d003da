package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.exec.ExecutorKind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ThreadFootprint} at small sizes, in this JVM and as a task on every executor. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadFootprintTest {

    @Test
    @DisplayName("a footprint measurement parks the threads, reports per-thread figures, and leaves no thread behind")
    void footprintLeavesNothing() throws Exception {
        int before = Thread.activeCount();
        var platform = ThreadFootprint.measure(false, 50);
        var virtual = ThreadFootprint.measure(true, 2_000);
        assertEquals("platform", platform.kind());
        assertEquals(2_000, virtual.threads());
        assertTrue(virtual.heapKiB() > 0, "parked virtual threads live on the heap: " + virtual);
        assertTrue(Thread.activeCount() <= before + 1, "threads left running");
        assertEquals(2, ThreadFootprint.table(platform, virtual).rowCount());
        var e = assertThrows(IllegalArgumentException.class, () -> ThreadFootprint.measure(false, 0));
        assertEquals("platform threads must be 1 to 20000, got 0", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("the footprint task measures wherever it runs, a worker JVM included, and checks its size first")
    void footprintTaskRunsOnEveryExecutor(ExecutorKind kind) throws Exception {
        try (var executor = kind.create(1)) {
            var virtual = executor.submit(ThreadFootprint.task(true, 1_000)).get(60, TimeUnit.SECONDS);
            assertEquals("virtual", virtual.kind());
            assertEquals(1_000, virtual.threads());
        }
        assertThrows(IllegalArgumentException.class, () -> ThreadFootprint.task(true, 0));
    }
}
