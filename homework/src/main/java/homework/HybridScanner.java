package homework;

import java.time.Duration;
import java.util.List;

/**
 * Exercise 1: the 7.6 scanner as a hybrid, processes outside and virtual threads inside
 * (yours to write).
 *
 * <p>Split {@code ports} into {@code processes} slices, one {@link RangeScanTask} each, run
 * them on a {@code concurrencylab.exec.ProcessPool} of {@code processes} workers, and merge the
 * {@link RangeReport}s. Close the pool before returning; bound every wait.
 */
public final class HybridScanner {

    private HybridScanner() {
    }

    /**
     * Scans {@code ports} on a loopback host with worker processes.
     *
     * @param processes worker JVMs, at least 1
     * @param limitPerProcess most connects at once inside each worker, at least 1
     * @return every open port, ascending, and the pids of the workers that scanned
     * @throws IllegalArgumentException if the host is not loopback, a port is out of range,
     *     or {@code processes} or {@code limitPerProcess} is below 1
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public static HybridScan scan(String host, List<Integer> ports, int processes, int limitPerProcess,
                                  Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: exercise 1, the hybrid scanner on a ProcessPool");
    }
}
