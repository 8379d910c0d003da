package homework;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Exercise 1, reference solution: one worker process scans its slice on virtual threads.
 *
 * @param host a loopback host
 * @param ports this slice's ports
 * @param limit most connects at once inside this process
 * @param timeout per connect
 */
public record RangeScanTask(String host, List<Integer> ports, int limit, Duration timeout)
        implements Callable<RangeReport>, Serializable {

    /** Copies the ports into a serializable immutable list. */
    public RangeScanTask {
        ports = List.copyOf(ports);
    }

    @Override
    public RangeReport call() throws Exception {
        return new RangeReport(ProcessHandle.current().pid(), VirtualScanner.scan(host, ports, limit, timeout));
    }
}
