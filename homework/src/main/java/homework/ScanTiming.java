package homework;

import java.time.Duration;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Exercise 1, the comparison: time the pure virtual-thread scanner against the hybrid on the
 * same ports (yours to write).
 *
 * <p>Return a table with one row per scanner, first "virtual threads" ({@link VirtualScanner}),
 * then "hybrid" ({@link HybridScanner}), and the columns "Scanner" (text), "Ports", "Open",
 * "Processes" (integers: 1 for the pure version, the distinct worker pids for the hybrid) and
 * "Millis" (a number: wall-clock time of that scan).
 */
public final class ScanTiming {

    private ScanTiming() {
    }

    /** Scans {@code ports} both ways and returns the timing table. */
    public static Table compare(String host, List<Integer> ports, int processes, int limit, Duration timeout)
            throws InterruptedException {
        throw new UnsupportedOperationException("TODO: exercise 1, the timing comparison table");
    }
}
