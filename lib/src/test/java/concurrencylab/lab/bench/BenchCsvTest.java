package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@link BenchCsv} and {@link BenchReference}: round trip, and malformed files rejected with the line named. */
class BenchCsvTest {

    private static final String HEADER = "workload,model,workers,median_ms,min_ms,max_ms,bound_ms,speedup\n";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a table written and read back keeps its rows, a workload with commas and quotes included")
    void roundTrip() throws Exception {
        Table first = BenchTables.cpuRun("primes below 2,000,000 in \"32\" chunks", 1000, 520, 540, 600);
        Table second = BenchTables.cpuRun("SHA-256", 800, 410, 430, 450);
        Path file = BenchCsv.write(dir.resolve("sub/cpu.csv"), first, second);
        Table back = BenchCsv.read(file);
        assertEquals(BenchHarness.COLUMNS, back.columnNames());
        assertEquals(8, back.rowCount());
        assertEquals("primes below 2,000,000 in \"32\" chunks", back.stringColumn("workload").get(0));
        assertEquals(first.doubleColumn("median_ms").asList(), back.doubleColumn("median_ms").asList().subList(0, 4));
        assertEquals(first.doubleColumn("speedup").getDouble(1), back.doubleColumn("speedup").getDouble(1), 0.001);
        assertEquals(second.intColumn("workers").asList(), back.intColumn("workers").asList().subList(4, 8));
    }

    @Test
    @DisplayName("a file with another header is rejected, naming line 1 and the expected header")
    void wrongHeaderRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "model,time\nsequential,12\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains(HEADER.strip()), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(empty));
    }

    @Test
    @DisplayName("a line with too few fields is rejected, naming its line number")
    void shortLineRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("short.csv"),
                HEADER + "w,sequential,1,10,9,11,10,1\nw,platform threads,2,5,4\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(file));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("found 5"), e.getMessage());
    }

    @Test
    @DisplayName("a value that is not a number is rejected, naming the column, the value and what is accepted")
    void badNumberRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("nan.csv"), HEADER + "w,sequential,1,ten,9,11,10,1\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("median_ms is 'ten'")
                && e.getMessage().contains("a number >= 0"), e.getMessage());
        Path zeroWorkers = Files.writeString(dir.resolve("zero.csv"), HEADER + "w,sequential,0,10,9,11,10,1\n");
        var z = assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(zeroWorkers));
        assertTrue(z.getMessage().contains("workers is '0'"), z.getMessage());
    }

    @Test
    @DisplayName("an unclosed quote and a header without rows are rejected")
    void unclosedQuoteAndNoRowsRejected() throws Exception {
        Path quote = Files.writeString(dir.resolve("quote.csv"), HEADER + "\"w,sequential,1,10,9,11,10,1\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(quote));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), HEADER);
        assertThrows(IllegalArgumentException.class, () -> BenchCsv.read(headerOnly));
    }

    @Test
    @DisplayName("writing a table that is not a harness table is rejected")
    void writeChecksColumns() {
        Table other = Table.create("other", tech.tablesaw.api.StringColumn.create("x"));
        assertThrows(IllegalArgumentException.class, () -> BenchCsv.write(dir.resolve("x.csv"), other));
        assertThrows(IllegalArgumentException.class, () -> BenchCsv.write(dir.resolve("x.csv")));
    }

    @Test
    @DisplayName("BenchReference.workload picks one workload's rows and names the others when missing")
    void workloadFilter() {
        Table both = BenchTables.cpuRun("a", 10, 5, 5, 6).append(BenchTables.cpuRun("b", 8, 4, 4, 5));
        assertEquals(4, BenchReference.workload(both, "b").rowCount());
        var e = assertThrows(IllegalArgumentException.class, () -> BenchReference.workload(both, "c"));
        assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
    }
}
