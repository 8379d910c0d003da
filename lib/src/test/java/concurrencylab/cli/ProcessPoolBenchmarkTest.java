package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.lab.bench.ProcessPoolBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessPoolBenchmarkTest {

    @TempDir
    Path dir;

    private static ProcessPoolBench.Settings settings(String... args) {
        return ProcessPoolBenchmark.settings(ProcessPoolBenchmark.CLI.parse(args));
    }

    @Test
    @DisplayName("options default to 2 workers, 2000 tasks, 5 runs, primes below 2,000,000 in 16 chunks and need --out")
    void optionsDefaults() {
        assertEquals(dir, ProcessPoolBenchmark.CLI.parse(new String[] {"--out", dir.toString()}).out());
        assertEquals(new ProcessPoolBench.Settings(2, 2000, 5, 2_000_000, 16), settings("--out", dir.toString()));
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPoolBenchmark.CLI.parse(new String[0]));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
    }

    @Test
    @DisplayName("bad options are rejected with the accepted range in the message")
    void badOptionsSayWhatIsAccepted() {
        for (String[] bad : List.of(new String[] {"--out", "x", "--workers", "0"}, new String[] {"--out", "x", "--runs", "abc"},
                new String[] {"--out", "x", "--tasks"}, new String[] {"--out", "x", "--colour", "red"},
                new String[] {"--out", "x", "--primes-below", "10"}, new String[] {"--out", "x", "--chunks", "0"})) {
            var e = assertThrows(IllegalArgumentException.class, () -> settings(bad));
            assertFalse(e.getMessage().isBlank());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> settings("--out", "x", "--workers", "99"));
        assertTrue(e.getMessage().contains("1..64"), e.getMessage());
    }

    @Test
    @DisplayName("a tiny run writes processes.csv with a header and one well-formed row per measure and executor")
    void tinyRunWritesCsv() throws Exception {
        ProcessPoolBenchmark.main(new String[] {"--out", dir.toString(), "--workers", "1", "--tasks", "3", "--runs", "1",
                "--primes-below", "20000", "--chunks", "40"});
        List<String> lines = Files.readAllLines(dir.resolve("processes.csv"));
        assertEquals(8, lines.size(), String.join("\n", lines));
        int columns = lines.getFirst().split(",", -1).length;
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        assertTrue(lines.get(1).startsWith("cold start to first result,worker processes,"));
        assertTrue(lines.get(5).startsWith("primes below 20000 in 40 chunks,sequential (parent),1,40,1,"), lines.get(5));
        assertTrue(lines.get(5).endsWith(",1.000,"), lines.get(5));
        assertTrue(lines.get(6).startsWith("primes below 20000 in 40 chunks,worker processes,1,40,1,"), lines.get(6));
        assertTrue(lines.get(6).endsWith(",1.8"), lines.get(6));
    }
}
