package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ScanBenchmark}'s options; the race itself is {@code lab.ports.ScanRace}'s. */
class ScanBenchmarkTest {

    private static CommandLine.Parsed parse(String... args) {
        return ScanBenchmark.CLI.parse(args);
    }

    @Test
    @DisplayName("--out, --runs and --nmap are read; defaults are build/bench, 5 runs, nmap on PATH")
    void parses() {
        CommandLine.Parsed a = parse("--out", "x", "--runs", "3", "--nmap", "/bin/nmap");
        assertEquals(Path.of("x"), a.out());
        assertEquals(3, a.number("--runs"));
        assertEquals("/bin/nmap", a.text("--nmap"));
        assertEquals(5, parse().number("--runs"));
        assertEquals(Path.of("build/bench"), parse().out());
        assertEquals("nmap", parse().text("--nmap"));
    }

    @Test
    @DisplayName("--course names the launcher of the whole-process runs; the default is ./course")
    void parsesTheLauncher() {
        assertEquals("./course", parse().text("--course"));
        assertEquals("/opt/course/course", parse("--course", "/opt/course/course").text("--course"));
    }

    @ParameterizedTest
    @DisplayName("--runs outside 1..50 is rejected with the accepted range")
    @ValueSource(strings = {"0", "51", "five", ""})
    void rejectsBadRuns(String runs) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--runs", runs));
        assertTrue(e.getMessage().contains("1..50") || e.getMessage().contains("needs a value"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown argument is rejected, listing the accepted ones")
    void rejectsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--fast"));
        assertTrue(e.getMessage().contains("accepted: --out DIR"), e.getMessage());
    }
}
