package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanBenchmarkArgsTest {

    @Test
    @DisplayName("--out, --runs and --nmap are read; defaults are build/bench, 5 runs, nmap on PATH")
    void parses() {
        ScanBenchmarkArgs a = ScanBenchmarkArgs.parse(new String[] {"--out", "x", "--runs", "3", "--nmap", "/bin/nmap"});
        assertEquals(new ScanBenchmarkArgs(false, Path.of("x"), 3, "/bin/nmap"), a);
        assertEquals(5, ScanBenchmarkArgs.parse(new String[0]).runs());
    }

    @ParameterizedTest
    @DisplayName("--runs outside 1..50 is rejected with the accepted range")
    @ValueSource(strings = {"0", "51", "five", ""})
    void rejectsBadRuns(String runs) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanBenchmarkArgs.parse(new String[] {"--runs", runs}));
        assertTrue(e.getMessage().contains("1..50") || e.getMessage().contains("needs a value"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown argument is rejected, listing the accepted ones")
    void rejectsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanBenchmarkArgs.parse(new String[] {"--fast"}));
        assertTrue(e.getMessage().contains("accepted: --out DIR"), e.getMessage());
    }

    @Test
    @DisplayName("the median of an odd and an even number of runs")
    void median() {
        assertEquals(2.0, ScanBenchmark.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ScanBenchmark.median(new double[] {4, 1, 2, 3}));
    }
}
