package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.exec.ExecutorKind;
import concurrencylab.tasks.LabTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.Table;

/** {@link BenchHarness}: runs, warm-up, bound and speed-up columns, answers, timeouts; every executor kind. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BenchHarnessTest {

    private static BenchModel model(ExecutorKind kind, int workers) {
        return switch (kind) {
            case PLATFORM -> BenchModel.platform(workers);
            case VIRTUAL -> BenchModel.virtual();
            case PROCESS -> BenchModel.process(workers);
        };
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("the workload is asked for tasks warm-up + repeats times per model, sequential included")
    void repeatsHonoured(ExecutorKind kind) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        var workload = BenchWorkload.cpu("counted no-ops", () -> {
            calls.incrementAndGet();
            return List.of(LabTasks.noop(), LabTasks.noop());
        });
        Table t = BenchHarness.run(BenchSpec.of(workload).withModels(model(kind, 2)).withWarmup(2).withRepeats(3));
        assertEquals((2 + 3) * 2, calls.get());
        assertEquals(BenchHarness.COLUMNS, t.columnNames());
        assertEquals(List.of("sequential", kind.label()), t.stringColumn("model").asList());
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("warm-up rounds are not timed: slow warm-ups leave min, median and max at the fast runs' level")
    void warmupNotCounted(ExecutorKind kind) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int warmup = 1;
        int repeats = 2;
        var workload = BenchWorkload.io("slow warm-up", Duration.ofMillis(10), () -> {
            boolean warm = calls.getAndIncrement() < warmup * 2; // rounds interleave: the first round is the warm-up of both models
            return List.of(LabTasks.sleep(warm ? 1_500 : 10));
        });
        Table t = BenchHarness.run(BenchSpec.of(workload).withModels(model(kind, 1)).withWarmup(warmup).withRepeats(repeats));
        for (int row = 0; row < t.rowCount(); row++) {
            assertTrue(t.doubleColumn("max_ms").getDouble(row) < 1_500, () -> "a warm-up run was timed:\n" + t.print());
            assertTrue(t.doubleColumn("min_ms").getDouble(row) >= 10, () -> "a run was shorter than its sleep:\n" + t.print());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("I/O bound column: latency × ceil(tasks / concurrency); speed-up = sequential median / median")
    void ioBoundAndSpeedup(ExecutorKind kind) throws Exception {
        Table t = BenchHarness.run(BenchSpec.of(BenchWorkload.sleeps(4, Duration.ofMillis(50)))
                .withModels(model(kind, 3)).withWarmup(1).withRepeats(1));
        assertEquals(200.0, t.doubleColumn("bound_ms").getDouble(0), "sequential: 4 sleeps of 50 ms in a row");
        int concurrency = kind == ExecutorKind.VIRTUAL ? 4 : 3;
        assertEquals(concurrency, t.intColumn("workers").getInt(1));
        assertEquals(kind == ExecutorKind.VIRTUAL ? 50.0 : 100.0, t.doubleColumn("bound_ms").getDouble(1));
        assertSpeedups(t);
        assertTrue(t.doubleColumn("median_ms").getDouble(1) >= t.doubleColumn("bound_ms").getDouble(1) - 1,
                () -> "faster than the ideal, so the timing is wrong:\n" + t.print());
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("CPU bound column: sequential median / min(concurrency, cores), and every model computes the same answer")
    void cpuBoundAndAnswers(ExecutorKind kind) throws Exception {
        Table t = BenchHarness.run(BenchSpec.of(BenchWorkload.primes(20_000, 8)).withModels(model(kind, 4))
                .withWarmup(0).withRepeats(2), 2);
        double sequential = t.doubleColumn("median_ms").getDouble(0);
        assertEquals(sequential, t.doubleColumn("bound_ms").getDouble(0), 0.002);
        assertEquals(sequential / 2, t.doubleColumn("bound_ms").getDouble(1), 0.002,
                "4 workers on 2 cores: the bound halves the sequential time");
        assertSpeedups(t);
    }

    @Test
    @DisplayName("the CPU bound divides by the smaller of concurrency and cores")
    void cpuBoundFormula() {
        var cpu = BenchWorkload.primes(100, 1);
        assertEquals(500.0, BenchHarness.boundMs(cpu, 1000, 8, 8, 2));
        assertEquals(1000.0, BenchHarness.boundMs(cpu, 1000, 8, 1, 2));
        assertEquals(250.0, BenchHarness.boundMs(cpu, 1000, 8, 4, 16));
        var io = BenchWorkload.sleeps(1, Duration.ofSeconds(1));
        assertEquals(50_000.0, BenchHarness.boundMs(io, 0, 10_000, 200, 2));
        assertEquals(1_000.0, BenchHarness.boundMs(io, 0, 10_000, 10_000, 2));
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a run whose answer differs from the sequential answer stops the benchmark")
    void disagreeingAnswersRejected(ExecutorKind kind) {
        AtomicInteger answers = new AtomicInteger();
        var workload = BenchWorkload.cpu("drifting", () -> List.of(LabTasks.noop()))
                .withAnswer(results -> answers.incrementAndGet());
        var e = assertThrows(IllegalStateException.class,
                () -> BenchHarness.run(BenchSpec.of(workload).withModels(model(kind, 1)).withWarmup(0).withRepeats(1)));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a run longer than the timeout ends with TimeoutException instead of waiting")
    void runsAreBounded(ExecutorKind kind) {
        AtomicInteger calls = new AtomicInteger();
        var workload = BenchWorkload.io("sleepy", Duration.ofSeconds(20), () -> {
            List<Callable<?>> tasks = new ArrayList<>();
            // the sequential model gets quick tasks, the executor the slow ones
            tasks.add(LabTasks.sleep(calls.getAndIncrement() == 0 ? 1 : 20_000));
            return tasks;
        });
        long start = System.nanoTime();
        var e = assertThrows(TimeoutException.class, () -> BenchHarness.run(BenchSpec.of(workload)
                .withModels(model(kind, 1)).withWarmup(0).withRepeats(1).withRunTimeout(Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "the timeout did not bound the run");
    }

    @Test
    @DisplayName("a null spec is rejected with a NullPointerException naming it")
    void nullSpecRejected() {
        assertEquals("spec must not be null",
                assertThrows(NullPointerException.class, () -> BenchHarness.run(null)).getMessage());
    }

    private static void assertSpeedups(Table t) {
        double sequential = t.doubleColumn("median_ms").getDouble(0);
        assertEquals(1.0, t.doubleColumn("speedup").getDouble(0));
        for (int row = 0; row < t.rowCount(); row++) {
            double expected = Math.round(sequential / t.doubleColumn("median_ms").getDouble(row) * 100) / 100.0;
            assertEquals(expected, t.doubleColumn("speedup").getDouble(row), 0.011, t.print());
        }
    }
}
