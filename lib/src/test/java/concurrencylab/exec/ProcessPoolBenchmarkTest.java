package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

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

    @Test
    @DisplayName("options default to 2 workers, 2000 tasks, 5 runs and need --out")
    void optionsDefaults() {
        var o = ProcessPoolBenchmark.Options.parse(new String[] {"--out", dir.toString()});
        assertEquals(new ProcessPoolBenchmark.Options(dir, 2, 2000, 5), o);
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPoolBenchmark.Options.parse(new String[0]));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
    }

    @Test
    @DisplayName("bad options are rejected with the accepted range in the message")
    void badOptionsSayWhatIsAccepted() {
        for (String[] bad : List.of(new String[] {"--out", "x", "--workers", "0"}, new String[] {"--out", "x", "--runs", "abc"},
                new String[] {"--out", "x", "--tasks"}, new String[] {"--out", "x", "--colour", "red"})) {
            var e = assertThrows(IllegalArgumentException.class, () -> ProcessPoolBenchmark.Options.parse(bad));
            assertFalse(e.getMessage().isBlank());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProcessPoolBenchmark.Options.parse(new String[] {"--out", "x", "--workers", "99"}));
        assertTrue(e.getMessage().contains("1..64"), e.getMessage());
    }

    @Test
    @DisplayName("median takes the middle value, or the mean of the two middle values")
    void medianIsTheMiddle() {
        assertEquals(2.0, ProcessPoolBenchmark.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ProcessPoolBenchmark.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    @DisplayName("a tiny run writes processes.csv with a header and one well-formed row per measure and executor")
    void tinyRunWritesCsv() throws Exception {
        ProcessPoolBenchmark.main(new String[] {"--out", dir.toString(), "--workers", "1", "--tasks", "3", "--runs", "1"});
        List<String> lines = Files.readAllLines(dir.resolve("processes.csv"));
        assertEquals(5, lines.size(), String.join("\n", lines));
        int columns = lines.getFirst().split(",", -1).length;
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        assertTrue(lines.get(1).startsWith("cold start to first result,worker processes,"));
    }
}
