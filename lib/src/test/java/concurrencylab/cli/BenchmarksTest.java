package concurrencylab.cli;



import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' plumbing at a tiny size; their speed is judged by running them, not here. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchmarksTest {

    @Test
    @DisplayName("the downloads benchmark measures four variants and two bare-responder peers, none faster than its bound, and writes one CSV row each")
    void downloadsBenchmarkMeasuresEveryVariant(@TempDir Path dir) throws Exception {
        DownloadsBenchmark.Result result = DownloadsBenchmark.run(20, Duration.ofMillis(20), 2, Duration.ZERO, Duration.ZERO, null);
        List<DownloadsBenchmark.Row> rows = result.rows();
        assertTrue(result.warmUp().rounds() >= DownloadsBenchmark.WARM_UP_ROUNDS, result.warmUp().toString());
        assertEquals(6, rows.size());
        assertEquals(List.of(false, false, false, false, true, true), rows.stream().map(DownloadsBenchmark.Row::peer).toList());
        for (DownloadsBenchmark.Row r : rows) {
            assertEquals(2, r.seconds().length);
            assertTrue(r.min() >= r.boundSeconds(), () -> r.variant() + " beat its bound: " + r.min());
            assertTrue(r.ratio() >= 1.0);
            if (r.peer()) { // the bare responder has no arrival hook
                assertTrue(Double.isNaN(r.medianLastArrival()));
            } else {
                assertTrue(r.medianLastArrival() > 0 && r.medianLastArrival() < r.median());
            }
        }
        Path csv = DownloadsBenchmark.writeCsv(dir, result, 20, 20, 2);
        assertEquals(7, Files.readAllLines(csv).size());
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.read().csv(csv.toFile());
        assertEquals(6, table.rowCount());
        assertEquals("virtual threads, all at once", table.stringColumn("variant").get(1));
        assertEquals(20, table.intColumn("downloads").get(1));
        assertEquals(List.of("target", "target", "target", "target", "peer", "peer"), table.stringColumn("kind").asList());
        String printed = DownloadsBenchmark.table(rows, 20, 20, 2);
        assertTrue(printed.contains("async HttpClient"));
        assertTrue(printed.contains("lab server's share") && printed.contains("async HttpClient, all at once"), printed);
    }

    @Test
    @DisplayName("the downloads benchmark can run against a lab server in a child JVM, which is ended afterwards")
    void downloadsBenchmarkWithAChildServer() throws Exception {
        DownloadsBenchmark.ServerJvm server = DownloadsBenchmark.ServerJvm.start(Duration.ofMillis(20));
        try {
            List<DownloadsBenchmark.Row> rows = DownloadsBenchmark.run(20, Duration.ofMillis(20), 1, Duration.ZERO, Duration.ZERO,
                    server.base()).rows();
            assertEquals(4, rows.size());
            for (DownloadsBenchmark.Row r : rows) {
                assertTrue(r.min() >= r.boundSeconds(), () -> r.variant() + " beat its bound: " + r.min());
                assertTrue(Double.isNaN(r.medianLastArrival()));
            }
        } finally {
            server.close();
        }
        assertTrue(!server.isAlive());
    }

    @Test
    @DisplayName("the server benchmark's descriptor check passes for a few connections and explains a too-low limit")
    void descriptorCheckExplainsTheLimit() {
        assertNull(ServerBenchmark.descriptorShortage(10));
        String message = ServerBenchmark.descriptorShortage(Integer.MAX_VALUE / 2);
        assertTrue(message != null && message.contains("ulimit -n"), String.valueOf(message));
    }

    @Test
    @DisplayName("benchmark arguments: unknown flags and out-of-range numbers are rejected with what is accepted")
    void benchArgsValidate() {
        var args = WebBenchArgs.parse(new String[] {"--runs", "3"}, java.util.Set.of("--runs"));
        assertEquals(3, args.intIn("--runs", 5, 1, 50));
        assertEquals(Path.of("build/bench"), args.out());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WebBenchArgs.parse(new String[] {"--runs", "0"}, java.util.Set.of("--runs")).intIn("--runs", 5, 1, 50));
        assertTrue(e.getMessage().contains("1..50"), e.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WebBenchArgs.parse(new String[] {"--nope", "1"}, java.util.Set.of("--runs"))).getMessage().contains("unknown"));
    }
}
