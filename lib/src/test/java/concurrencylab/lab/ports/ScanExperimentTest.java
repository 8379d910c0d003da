package concurrencylab.lab.ports;

import concurrencylab.scan.PortSpec;
import concurrencylab.scan.ScanRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScanExperimentTest {

    @Test
    @DisplayName("the variant table has one row per variant, each finding the planted ports")
    void comparesVariants() throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 2)) {
            ScanRequest request = ScanRequest.loopback(PortSpec.of(planted.ports().stream().mapToInt(i -> i).toArray()));
            Table table = ScanExperiment.compareVariants(request, 1);
            assertEquals(3, table.rowCount());
            for (int row = 0; row < 3; row++) {
                assertEquals(planted.ports().toString(), table.stringColumn("open ports").get(row));
            }
        }
    }

    @Test
    @DisplayName("the grid has a row per concurrency and timeout, the same counts in each, and a chart line per timeout")
    void gridAndChart() throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 1); SilentListeners silent = SilentListeners.open(2)) {
            int[] ports = {planted.ports().get(0), silent.ports()[0], silent.ports()[1]};
            Table grid = ScanExperiment.concurrencyAndTimeouts(ScanRequest.loopback(PortSpec.of(ports)), List.of(1, 2),
                    List.of(Duration.ofMillis(30), Duration.ofMillis(60)));
            assertEquals(4, grid.rowCount());
            for (int row = 0; row < 4; row++) {
                assertEquals(1, grid.intColumn("open").get(row));
                assertEquals(2, grid.intColumn("filtered").get(row));
            }
            assertEquals(2, ScanExperiment.chart(grid).getSeriesMap().size());
        }
    }

    @Test
    @DisplayName("runs outside 1..20 and empty lists are rejected")
    void rejectsBadInput() {
        ScanRequest request = ScanRequest.loopback("1");
        assertThrows(IllegalArgumentException.class, () -> ScanExperiment.compareVariants(request, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScanExperiment.concurrencyAndTimeouts(request, List.of(), List.of(Duration.ofMillis(5))));
    }
}
