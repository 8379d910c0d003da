package concurrencylab.cli;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.bench.BenchTables;
import concurrencylab.lab.bench.ThreadFootprint;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import concurrencylab.exec.ExecutorKind;

/** {@link IoBenchmark}'s measuring helpers and CSV, and {@link ThreadFootprint}, at small sizes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IoBenchmarkTest {

    @Test
    @DisplayName("a pool of 5 threads needs ceil(12 / 5) = 3 rounds of a 60 ms sleep; virtual threads need one")
    void poolRoundsFollowTheFormula() throws Exception {
        double pool = IoBenchmark.poolSleeps(12, 5, Duration.ofMillis(60));
        assertTrue(pool >= 180, "three rounds of 60 ms cannot end sooner than 180 ms, took " + pool);
        double virtual = IoBenchmark.virtualSleeps(12, Duration.ofMillis(60));
        assertTrue(virtual >= 60, "a 60 ms sleep ended after " + virtual + " ms");
        assertTrue(virtual < pool, "virtual " + virtual + " ms vs pool " + pool + " ms");
    }

    @Test
    @DisplayName("io.csv has its header and one line per row, measures with commas quoted, computed rows without times")
    void csvLines() {
        var rows = List.of(
                new IoBenchmark.Row("10,000 sleeps of 1000 ms", "virtual threads", 10_000, 10_000,
                        BenchStats.of(1100, 1050, 1200), "ms", 1000, 1500, "met"),
                new IoBenchmark.Row("10,000 sleeps of 1000 ms", "platform threads", 10_000, 200, null, "ms", 50_000,
                        Double.NaN, "computed, not run"));
        String csv = IoBenchmark.csv(rows);
        List<String> lines = csv.lines().toList();
        assertEquals("measure,model,tasks,concurrency,runs,median,min,max,unit,bound,target,status", lines.get(0));
        assertEquals("\"10,000 sleeps of 1000 ms\",virtual threads,10000,10000,3,1100.000,1050.000,1200.000,ms,1000,1500,met",
                lines.get(1));
        assertEquals("\"10,000 sleeps of 1000 ms\",platform threads,10000,200,0,,,,ms,50000,,\"computed, not run\"",
                lines.get(2));
        assertTrue(IoBenchmark.text(rows).contains("computed, not run"));
    }

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

    @Test
    @DisplayName("the CPU verdict says met or MISSED against 1.8x for each pool")
    void cpuVerdict() {
        var t = BenchTables.cpuRun("primes", 1000, 520, 540, 700);
        String verdict = CpuBenchmark.verdict(t, 2);
        assertTrue(verdict.contains("platform threads 1.92x sequential (target >= 1.80x): met"), verdict);
        assertTrue(verdict.contains("worker processes 1.43x sequential (target >= 1.80x): MISSED"), verdict);
        assertTrue(verdict.contains("no faster"), verdict);
    }
}
