package concurrencylab.lab.bench;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds harness-shaped tables by hand for the chart and CSV tests. */
public final class BenchTables {

    private BenchTables() {
    }

    /** Rows of {workload, model, workers, median, bound}; min and max are the median ∓/± 1, speed-up from the first row. */
    public static Table of(Object[]... rows) {
        Table t = Table.create("hand-made", StringColumn.create("workload"), StringColumn.create("model"),
                IntColumn.create("workers"), DoubleColumn.create("median_ms"), DoubleColumn.create("min_ms"),
                DoubleColumn.create("max_ms"), DoubleColumn.create("bound_ms"), DoubleColumn.create("speedup"));
        double sequential = ((Number) rows[0][3]).doubleValue();
        for (Object[] r : rows) {
            double median = ((Number) r[3]).doubleValue();
            t.stringColumn(0).append((String) r[0]);
            t.stringColumn(1).append((String) r[1]);
            t.intColumn(2).append((Integer) r[2]);
            t.doubleColumn(3).append(median);
            t.doubleColumn(4).append(median - 1);
            t.doubleColumn(5).append(median + 1);
            t.doubleColumn(6).append(((Number) r[4]).doubleValue());
            t.doubleColumn(7).append(sequential / median);
        }
        return t;
    }

    public static Table cpuRun(String workload, double sequential, double platform, double virtual, double process) {
        return of(new Object[] {workload, "sequential", 1, sequential, sequential},
                new Object[] {workload, "platform threads", 2, platform, sequential / 2},
                new Object[] {workload, "virtual threads", 16, virtual, sequential / 2},
                new Object[] {workload, "worker processes", 2, process, sequential / 2});
    }
}
