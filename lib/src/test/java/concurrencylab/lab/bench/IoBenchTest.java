package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link IoBench}'s measuring helpers and CSV, at small sizes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IoBenchTest {

    @Test
    @DisplayName("a pool of 5 threads needs ceil(12 / 5) = 3 rounds of a 60 ms sleep; virtual threads need one")
    void poolRoundsFollowTheFormula() throws Exception {
        double pool = IoBench.poolSleeps(12, 5, Duration.ofMillis(60));
        assertTrue(pool >= 180, "three rounds of 60 ms cannot end sooner than 180 ms, took " + pool);
        double virtual = IoBench.virtualSleeps(12, Duration.ofMillis(60));
        assertTrue(virtual >= 60, "a 60 ms sleep ended after " + virtual + " ms");
        assertTrue(virtual < pool, "virtual " + virtual + " ms vs pool " + pool + " ms");
    }

    @Test
    @DisplayName("io.csv has its header and one line per row, measures with commas quoted, computed rows without times")
    void csvLines() {
        var rows = List.of(
                new IoBench.Row("10,000 sleeps of 1000 ms", "virtual threads", 10_000, 10_000,
                        BenchStats.of(1100, 1050, 1200), "ms", 1000, 1500, "met"),
                new IoBench.Row("10,000 sleeps of 1000 ms", "platform threads", 10_000, 200, null, "ms", 50_000,
                        Double.NaN, "computed, not run"));
        String csv = IoBench.csv(rows);
        List<String> lines = csv.lines().toList();
        assertEquals("measure,model,tasks,concurrency,runs,median,min,max,unit,bound,target,status", lines.get(0));
        assertEquals("\"10,000 sleeps of 1000 ms\",virtual threads,10000,10000,3,1100.000,1050.000,1200.000,ms,1000,1500,met",
                lines.get(1));
        assertEquals("\"10,000 sleeps of 1000 ms\",platform threads,10000,200,0,,,,ms,50000,,\"computed, not run\"",
                lines.get(2));
        assertTrue(IoBench.text(rows).contains("computed, not run"));
    }
}
