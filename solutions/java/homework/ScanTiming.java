package homework;

import java.time.Duration;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Exercise 1, reference solution: the same ports, pure virtual threads then the hybrid, timed. */
public final class ScanTiming {

    private ScanTiming() {
    }

    /** Scans {@code ports} both ways and returns the timing table. */
    public static Table compare(String host, List<Integer> ports, int processes, int limit, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Integer> pure = VirtualScanner.scan(host, ports, limit, timeout);
        double pureMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        HybridScan hybrid = HybridScanner.scan(host, ports, processes, Math.max(1, limit / processes), timeout);
        double hybridMillis = (System.nanoTime() - start) / 1e6;
        return Table.create("Virtual threads vs hybrid",
                StringColumn.create("Scanner", "virtual threads", "hybrid"),
                IntColumn.create("Ports", ports.size(), ports.size()),
                IntColumn.create("Open", pure.size(), hybrid.openPorts().size()),
                IntColumn.create("Processes", 1, hybrid.pids().size()),
                DoubleColumn.create("Millis", Math.round(pureMillis * 10) / 10.0, Math.round(hybridMillis * 10) / 10.0));
    }
}
