package homework;

import concurrencylab.exec.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 1, reference solution: contiguous slices of the ports, one per worker JVM of a
 * {@link ProcessPool}; inside each worker, virtual threads do the connects.
 */
public final class HybridScanner {

    /** Time a worker JVM may take to start, on top of the scanning itself. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private HybridScanner() {
    }

    /** Scans {@code ports} on a loopback host with worker processes. */
    public static HybridScan scan(String host, List<Integer> ports, int processes, int limitPerProcess,
                                  Duration timeout) throws InterruptedException {
        LoopbackOnly.check(host, ports);
        if (processes < 1 || limitPerProcess < 1) {
            throw new IllegalArgumentException("processes " + processes + " and limitPerProcess "
                    + limitPerProcess + " must both be at least 1");
        }
        List<RangeScanTask> slices = slices(host, ports, processes, limitPerProcess, timeout);
        try (ProcessPool pool = ProcessPool.of(processes)) {
            List<Future<RangeReport>> reports = new ArrayList<>();
            for (RangeScanTask slice : slices) {
                reports.add(pool.submit(slice));
            }
            return merge(reports, budget(ports.size(), limitPerProcess, timeout));
        }
    }

    static List<RangeScanTask> slices(String host, List<Integer> ports, int processes, int limit, Duration timeout) {
        int size = Math.max(1, (ports.size() + processes - 1) / processes);
        List<RangeScanTask> slices = new ArrayList<>();
        for (int from = 0; from < ports.size(); from += size) {
            slices.add(new RangeScanTask(host, ports.subList(from, Math.min(ports.size(), from + size)), limit, timeout));
        }
        return slices;
    }

    private static Duration budget(int ports, int limit, Duration timeout) {
        return STARTUP.plus(timeout.multipliedBy(ports / limit + 1L));
    }

    private static HybridScan merge(List<Future<RangeReport>> reports, Duration budget) throws InterruptedException {
        long end = System.nanoTime() + budget.toNanos();
        List<Integer> open = new ArrayList<>();
        Set<Long> pids = new HashSet<>();
        for (Future<RangeReport> future : reports) {
            try {
                RangeReport report = future.get(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                open.addAll(report.open());
                pids.add(report.pid());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker's slice failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the workers did not finish within " + budget, e);
            }
        }
        open.sort(null);
        return new HybridScan(open, pids);
    }
}
