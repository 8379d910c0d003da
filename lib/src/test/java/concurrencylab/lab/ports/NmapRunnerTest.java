package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in script instead of nmap: nothing is scanned. */
class NmapRunnerTest {
    @TempDir
    Path dir;

    private Path fake(String body) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path script = dir.resolve("fake-nmap");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    @DisplayName("grepable output is parsed into the open ports and nmap's own scan time")
    void parsesGrepableOutput() throws Exception {
        Path nmap = fake("""
                echo '# Nmap 7.93 scan initiated as: nmap -sT'
                echo 'Host: 127.0.0.1 ()\tPorts: 22/open/tcp//ssh///, 8080/open/tcp//http-proxy///\tIgnored State: closed (1022)'
                echo '# Nmap done at Sun -- 1 IP address (1 host up) scanned in 0.05 seconds'""");
        NmapRunner.Run run = new NmapRunner(nmap.toString()).scan("1-1024", "2024");
        assertEquals(Set.of(22, 8080), run.open());
        assertEquals(0.05, run.reportedSeconds());
    }

    @Test
    @DisplayName("a failing nmap is an IOException; a missing one has no version")
    void failures() throws Exception {
        Path nmap = fake("echo 'no such option' ; exit 1");
        assertThrows(IOException.class, () -> new NmapRunner(nmap.toString()).scan("1-10", ""));
        assertNull(new NmapRunner(dir.resolve("missing").toString()).version());
    }
}
