package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.scan.PortSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseScanRunnerTest {

    @TempDir
    Path dir;

    /** A stand-in launcher: records its arguments, prints what {@code ./course scan} prints, exits with {@code status}. */
    private Path launcher(String printed, int status) throws IOException {
        Path script = dir.resolve("course");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > '" + dir.resolve("args") + "'\nprintf '%s\\n' '"
                + printed + "'\nexit " + status + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    @DisplayName("the result line's ports are read: none, one, several")
    void parsesTheResultList() {
        assertEquals(List.of(), CourseScanRunner.parse("none"));
        assertEquals(List.of(8080), CourseScanRunner.parse("[8080]"));
        assertEquals(List.of(22, 80, 50000), CourseScanRunner.parse("[22, 80, 50000]"));
    }

    @Test
    @DisplayName("a run starts the launcher with scan --ports SPEC 127.0.0.1, times the process and reads the open ports")
    void runsTheLauncherAsAUserWould() throws Exception {
        Path course = launcher("open ports on 127.0.0.1: [81, 9000]", 0);
        var runner = new CourseScanRunner(course);
        assertTrue(runner.available());
        CourseScanRunner.Run run = runner.scan(PortSpec.parse("1-2023,2025-65535"));
        assertEquals(List.of(81, 9000), run.open());
        assertTrue(run.wallSeconds() > 0 && run.wallSeconds() < CourseScanRunner.LIMIT_SECONDS, "" + run.wallSeconds());
        assertEquals("scan --ports 1-2023,2025-65535 127.0.0.1", Files.readString(dir.resolve("args")).strip());
    }

    @Test
    @DisplayName("a failing scan or one with no result line is an IOException quoting its output")
    void failureIsReported() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> new CourseScanRunner(launcher("course scan: bad port", 2)).scan(PortSpec.parse("1-10")));
        assertTrue(e.getMessage().contains("exit 2") && e.getMessage().contains("bad port"), e.getMessage());
        assertFalse(new CourseScanRunner(dir.resolve("missing")).available());
    }
}
