package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Validation of {@link BenchSpec} and {@link BenchModel}: every bad value is a clear
 * IllegalArgumentException, every missing one a NullPointerException naming it.
 */
class BenchSpecTest {

    private static final BenchWorkload NAPS = BenchWorkload.sleeps(2, Duration.ofMillis(1));

    @Test
    @DisplayName("a null workload is rejected with a message naming the workload")
    void nullWorkloadRejected() {
        var e = assertThrows(NullPointerException.class, () -> BenchSpec.of(null));
        assertEquals("workload must not be null", e.getMessage());
    }

    @Test
    @DisplayName("an empty or null model list is rejected")
    void emptyModelsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withModels(List.of()));
        assertTrue(e.getMessage().contains("at least one model"), e.getMessage());
        assertEquals("models must not be null", assertThrows(NullPointerException.class,
                () -> BenchSpec.of(NAPS).withModels((List<BenchModel>) null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withModels());
    }

    @Test
    @DisplayName("a model listed twice, or a null model, is rejected")
    void duplicateOrNullModelRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BenchSpec.of(NAPS).withModels(BenchModel.platform(2), BenchModel.platform(2)));
        assertTrue(e.getMessage().startsWith("models must be each model once, got "), e.getMessage());
        assertEquals("models[1] must not be null", assertThrows(NullPointerException.class,
                () -> BenchSpec.of(NAPS).withModels(BenchModel.virtual(), null)).getMessage());
    }

    @Test
    @DisplayName("repeats below 1 and warm-up below 0 are rejected with the accepted range")
    void repeatsAndWarmupChecked() {
        var repeats = assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withRepeats(0));
        assertEquals("repeats must be at least 1, got 0", repeats.getMessage());
        var warmup = assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withWarmup(-1));
        assertEquals("warmup must be at least 0, got -1", warmup.getMessage());
        assertEquals(0, BenchSpec.of(NAPS).withWarmup(0).warmup());
    }

    @Test
    @DisplayName("workers below 1 are rejected for pools, and sequential takes exactly one")
    void workersChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchModel.platform(0));
        assertEquals("workers must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchModel.process(-3));
        var sequential = assertThrows(IllegalArgumentException.class, () -> new BenchModel(null, 2));
        assertEquals("workers must be exactly 1 for sequential, got 2", sequential.getMessage());
    }

    @Test
    @DisplayName("a run timeout outside 1 ms..1 hour is rejected, a missing one is a NullPointerException")
    void timeoutChecked() {
        var zero = assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withRunTimeout(Duration.ZERO));
        assertEquals("runTimeout must be 1 ms to 1 h, got 0 s", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchSpec.of(NAPS).withRunTimeout(Duration.ofHours(2)));
        assertThrows(NullPointerException.class, () -> BenchSpec.of(NAPS).withRunTimeout(null));
    }

    @Test
    @DisplayName("the run order starts with sequential even when the models leave it out")
    void sequentialAlwaysFirst() {
        var spec = BenchSpec.of(NAPS).withModels(BenchModel.virtual(), BenchModel.platform(3));
        assertEquals(List.of(BenchModel.sequential(), BenchModel.virtual(), BenchModel.platform(3)), spec.runOrder());
        var listed = BenchSpec.of(NAPS).withModels(BenchModel.platform(3), BenchModel.sequential());
        assertEquals(List.of(BenchModel.sequential(), BenchModel.platform(3)), listed.runOrder());
    }

    @Test
    @DisplayName("workload factories reject bad sizes with the accepted range")
    void workloadFactoriesChecked() {
        var chunks = assertThrows(IllegalArgumentException.class, () -> BenchWorkload.primes(100, 0));
        assertEquals("chunks must be 1 to 100, got 0", chunks.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchWorkload.primes(1, 1));
        assertThrows(IllegalArgumentException.class, () -> BenchWorkload.sha256(0, 5));
        assertThrows(IllegalArgumentException.class, () -> BenchWorkload.sleeps(0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> BenchWorkload.sleeps(1, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> BenchWorkload.io(" ", Duration.ZERO, List::of));
        assertEquals("tasks must not be null",
                assertThrows(NullPointerException.class, () -> BenchWorkload.cpu("x", null)).getMessage());
    }

    @Test
    @DisplayName("the primes workload splits the range into equal chunks that cover it exactly")
    void primesChunksCoverTheRange() throws Exception {
        var tasks = BenchWorkload.primes(1000, 7).tasks();
        assertEquals(7, tasks.size());
        long total = 0;
        for (var t : tasks) {
            total += (Long) t.call();
        }
        assertEquals(168, total); // the primes below 1000, a known count
    }

    @Test
    @DisplayName("median, min and max of odd and even run counts")
    void statsOfRuns() {
        assertEquals(new BenchStats(3, 1, 9, 3), BenchStats.of(9, 1, 3));
        assertEquals(new BenchStats(2.5, 1, 4, 4), BenchStats.of(4, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, BenchStats::of);
    }
}
