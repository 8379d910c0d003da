package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CpuBench}: the verdict against the targets, and the specs it builds. */
class CpuBenchTest {

    @Test
    @DisplayName("the CPU verdict says met or MISSED against 1.8x for each pool")
    void cpuVerdict() {
        var t = BenchTables.cpuRun("primes", 1000, 520, 540, 700);
        String verdict = CpuBench.verdict(t, 2);
        assertTrue(verdict.contains("platform threads 1.92x sequential (target >= 1.80x): met"), verdict);
        assertTrue(verdict.contains("worker processes 1.43x sequential (target >= 1.80x): MISSED"), verdict);
        assertTrue(verdict.contains("no faster"), verdict);
    }

    @Test
    @DisplayName("the specs: three models after sequential, SHA-256 on the same models, a sweep of 1, 2 and 4 workers")
    void specs() {
        BenchSpec primes = CpuBench.primes(2, 10_000, 4, 0, 1);
        assertEquals(4, primes.runOrder().size(), primes.runOrder().toString());
        assertTrue(primes.runOrder().getFirst().isSequential());
        assertEquals(primes.models(), CpuBench.sha256(primes, 10).models());
        assertTrue(CpuBench.sha256(primes, 10).workload().name().contains("SHA"),
                CpuBench.sha256(primes, 10).workload().name());
        assertEquals(7, CpuBench.sweep(primes).models().size());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> CpuBench.verdict(BenchTables.of(new Object[] {"w", "sequential", 1, 10.0, 10.0}), 2));
        assertTrue(missing.getMessage().contains("no row for platform threads"), missing.getMessage());
    }
}
