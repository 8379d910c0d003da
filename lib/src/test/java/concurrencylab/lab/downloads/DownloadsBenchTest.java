package concurrencylab.lab.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.server.LabServerJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link DownloadsBench} at a tiny size; its speed is judged by running it, not here. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DownloadsBenchTest {

    @Test
    @DisplayName("the downloads benchmark measures four variants and two bare-responder peers, none faster than its bound, and writes one CSV row each")
    void downloadsBenchmarkMeasuresEveryVariant(@TempDir Path dir) throws Exception {
        DownloadsBench.Result result = DownloadsBench.run(20, Duration.ofMillis(20), 2, Duration.ZERO, Duration.ZERO, null);
        List<DownloadsBench.Row> rows = result.rows();
        assertTrue(result.warmUp().rounds() >= DownloadsBench.WARM_UP_ROUNDS, result.warmUp().toString());
        assertEquals(6, rows.size());
        assertEquals(List.of(false, false, false, false, true, true), rows.stream().map(DownloadsBench.Row::peer).toList());
        for (DownloadsBench.Row r : rows) {
            assertEquals(2, r.seconds().length);
            assertTrue(r.min() >= r.boundSeconds(), () -> r.variant() + " beat its bound: " + r.min());
            assertTrue(r.ratio() >= 1.0);
            if (r.peer()) { // the bare responder has no arrival hook
                assertTrue(Double.isNaN(r.medianLastArrival()));
            } else {
                assertTrue(r.medianLastArrival() > 0 && r.medianLastArrival() < r.median());
            }
        }
        Path csv = dir.resolve("downloads.csv");
        Files.writeString(csv, DownloadsBench.csv(result, 20, 20, 2));
        assertEquals(7, Files.readAllLines(csv).size());
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.read().csv(csv.toFile());
        assertEquals(6, table.rowCount());
        assertEquals("virtual threads, all at once", table.stringColumn("variant").get(1));
        assertEquals(20, table.intColumn("downloads").get(1));
        assertEquals(List.of("target", "target", "target", "target", "peer", "peer"), table.stringColumn("kind").asList());
        String printed = DownloadsBench.table(rows, 20, 20, 2);
        assertTrue(printed.contains("async HttpClient"));
        assertTrue(printed.contains("lab server's share") && printed.contains("async HttpClient, all at once"), printed);
    }

    @Test
    @DisplayName("the downloads benchmark can run against a lab server in a child JVM, which is ended afterwards")
    void downloadsBenchmarkWithAChildServer() throws Exception {
        LabServerJvm server = LabServerJvm.start(Duration.ofMillis(20));
        try {
            List<DownloadsBench.Row> rows = DownloadsBench.run(20, Duration.ofMillis(20), 1, Duration.ZERO, Duration.ZERO,
                    server.base()).rows();
            assertEquals(4, rows.size());
            for (DownloadsBench.Row r : rows) {
                assertTrue(r.min() >= r.boundSeconds(), () -> r.variant() + " beat its bound: " + r.min());
                assertTrue(Double.isNaN(r.medianLastArrival()));
            }
        } finally {
            server.close();
        }
        assertTrue(!server.isAlive());
    }
}
