package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ProcessPoolBench}: the chunks of the primes job, and the table and CSV of hand-made rows. */
class ProcessPoolBenchTest {

    @Test
    @DisplayName("the prime chunks cover [0, bound) exactly once, the costliest (highest) first")
    void primeChunksCoverTheRangeLargestFirst() throws Exception {
        var chunks = ProcessPoolBench.primeChunks(100_003, 40);
        assertEquals(40, chunks.size());
        long total = 0;
        for (var c : chunks) {
            total += c.call();
        }
        assertEquals(9592, total, "primes below 100,003 (the same as below 100,000)");
        assertEquals(LabTasks.countPrimes(100_003L * 39 / 40, 100_003).call(), chunks.getFirst().call());
    }

    @Test
    @DisplayName("the speed-up is the sequential median over the row's, and the table says met or NOT met")
    void speedUpAndVerdict() {
        var s = new ProcessPoolBench.Settings(2, 10, 1, 20_000, 4);
        String measure = ProcessPoolBench.primesMeasure(s);
        List<ProcessPoolBench.Row> rows = List.of(
                new ProcessPoolBench.Row("warm round trip (no-op task)", "worker processes", 0.5, 0.4, 0.6),
                new ProcessPoolBench.Row("warm round trip (no-op task)", "platform threads", 0.05, 0.04, 0.06),
                new ProcessPoolBench.Row(measure, ProcessPoolBench.SEQUENTIAL, 100, 99, 101),
                new ProcessPoolBench.Row(measure, "worker processes", 50, 49, 51),
                new ProcessPoolBench.Row(measure, "platform threads", 80, 79, 81));
        assertEquals(2.0, ProcessPoolBench.speedUp(rows, rows.get(3)), 1e-9);
        assertTrue(Double.isNaN(ProcessPoolBench.speedUp(rows, rows.get(0))));
        String table = ProcessPoolBench.table(s, rows);
        assertTrue(table.contains("2 worker processes 2.00x") && table.contains(": met"), table);
        assertTrue(table.contains("10.0x a platform thread") && table.contains("within"), table);
        List<String> csv = ProcessPoolBench.csv(s, rows).lines().toList();
        assertEquals(6, csv.size());
        assertTrue(csv.get(4).endsWith(",2.000,1.8"), csv.get(4));
    }
}
