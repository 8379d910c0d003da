package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The tables: one row where one is expected, with the values from the runs. */
class HybridTablesTest {

    private final List<HybridRun> runs = List.of(Synthetic.run(HybridVariant.SAME_VIRTUAL_THREAD, 6, 1000),
            Synthetic.run(HybridVariant.CPU_POOL, 6, 800), Synthetic.run(HybridVariant.PROCESS_POOL, 6, 1200));

    @Test
    @DisplayName("executionSites has a fetch row and a hash row for each sampled hashed page, with pid, thread and carrier")
    void executionSites() {
        Table t = HybridTables.executionSites(runs, 2);
        assertEquals(3 * 2 * 2, t.rowCount());
        assertEquals(List.of("variant", "page", "stage", "pid", "thread", "virtual", "carrier"), t.columnNames());
        Table process = t.where(t.stringColumn("variant").isEqualTo("c · process pool")
                .and(t.stringColumn("stage").isEqualTo("hash")));
        assertEquals(2, process.rowCount());
        assertEquals(200L, process.longColumn("pid").get(0));
        Table fetches = t.where(t.stringColumn("stage").isEqualTo("fetch"));
        assertTrue(fetches.booleanColumn("virtual").asList().stream().allMatch(Boolean::booleanValue));
        assertEquals("ForkJoinPool-1-worker-1", fetches.stringColumn("carrier").get(0));
        var e = assertThrows(IllegalArgumentException.class, () -> HybridTables.executionSites(runs, 0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    @DisplayName("variants has one row per run with its counts and seconds")
    void variants() {
        Table t = HybridTables.variants(runs);
        assertEquals(3, t.rowCount());
        assertEquals(4, t.intColumn("hashed").get(1));
        assertEquals(2, t.intColumn("failed").get(1));
        assertEquals(0.8, t.doubleColumn("seconds").get(1), 1e-9);
        assertEquals(0.9, t.doubleColumn("pool start s").get(2), 1e-9);
    }

    @Test
    @DisplayName("pipelines and failures list what the runs hold")
    void pipelinesAndFailures() {
        Table p = HybridTables.pipelines(List.of(Synthetic.pipeline(4, 1, 4, 2), Synthetic.pipeline(100, 5, 60)));
        assertEquals(List.of(4, 60), p.intColumn("max depth").asList());
        Table f = HybridTables.failures(runs);
        assertEquals(3 * 2, f.rowCount());
        assertEquals("HTTP 500", f.stringColumn("reason").get(0));
        assertEquals("fetch", f.stringColumn("stage").get(0));
    }
}
