package concurrencylab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class RowTableTest {

    private record Run(String name, int n, long bytes, double share, boolean ok, Duration took) {
    }

    @Test
    @DisplayName("one column per value, in the order added, typed, one row per element")
    void buildsTypedColumns() {
        List<Run> runs = List.of(new Run("a", 1, 10L, 0.5, true, Duration.ofMillis(1234)),
                new Run("b", 2, 20L, 0.25, false, Duration.ofNanos(1_500_000)));
        Table t = RowTable.of(runs).text("name", Run::name).ints("n", Run::n).longs("bytes", Run::bytes)
                .doubles("share", Run::share).flags("ok", Run::ok).seconds("s", Run::took).toTable("runs");
        assertEquals("runs", t.name());
        assertEquals(List.of("name", "n", "bytes", "share", "ok", "s"), t.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.BOOLEAN, ColumnType.DOUBLE), List.of(t.types().toArray()));
        assertEquals(2, t.rowCount());
        assertEquals("b", t.stringColumn("name").get(1));
        assertEquals(20L, t.longColumn("bytes").get(1));
        assertEquals(1.234, t.doubleColumn("s").get(0));
        assertEquals(0.002, t.doubleColumn("s").get(1));
        assertEquals(false, t.booleanColumn("ok").get(1));
    }

    @Test
    @DisplayName("no rows give an empty table with its columns; null rows are refused")
    void emptyAndNull() {
        Table t = RowTable.<Run>of(List.of()).text("name", Run::name).toTable("none");
        assertEquals(0, t.rowCount());
        assertEquals(List.of("name"), t.columnNames());
        assertEquals("rows must not be null", assertThrows(NullPointerException.class, () -> RowTable.of(null)).getMessage());
    }
}
