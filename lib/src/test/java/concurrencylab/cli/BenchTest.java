package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Bench}: the registry that links {@code ./course bench NAME} to a main, and every main's {@code --help}. */
class BenchTest {

    @Test
    @DisplayName("the registry holds every benchmark of ./course bench, and --help lists them all with the kernel")
    void registryListsEveryBenchmark() {
        assertEquals(List.of("cpu", "io", "jmh", "downloads", "server", "processes", "scan"),
                List.copyOf(Bench.REGISTRY.keySet()));
        String usage = Bench.usage();
        for (String name : Bench.REGISTRY.keySet()) {
            assertTrue(usage.contains("  " + name + " "), name + " missing from\n" + usage);
        }
        assertTrue(usage.contains("  kernel "), usage);
        assertTrue(usage.contains("  class "), usage);
        assertEquals("cpu, io, jmh, downloads, server, processes, scan, kernel, class", Bench.names());
        assertNull(Bench.find("gpu"));
        assertEquals(List.of("-Xmx8g", "-Xmn2g"), Bench.find("io").jvmFlags());
    }

    @Test
    @DisplayName("every benchmark's main answers --help with its usage and option list, writing nothing")
    void everyMainAnswersHelp() throws Exception {
        PrintStream before = System.out;
        for (Map.Entry<String, Bench.Entry> e : Bench.REGISTRY.entrySet()) {
            var out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                Bench.main(new String[] {e.getKey(), "--out", "no-such-folder-for-help", "--help"});
            } finally {
                System.setOut(before);
            }
            String usage = out.toString(StandardCharsets.UTF_8);
            assertTrue(usage.startsWith("Usage: ./course bench " + e.getKey() + " "), usage);
            assertTrue(usage.contains("--out DIR") && usage.contains("--help"), usage);
        }
        assertTrue(Files.notExists(Path.of("no-such-folder-for-help")));
    }
}
