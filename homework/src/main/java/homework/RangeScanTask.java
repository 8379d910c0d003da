package homework;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Exercise 1: the job one worker process runs, a slice of the ports scanned on virtual threads
 * (yours to write). It is a Serializable record of plain data, so it can travel to a child JVM
 * of {@code concurrencylab.exec.ProcessPool}: a lambda could not.
 *
 * @param host a loopback host
 * @param ports this slice's ports
 * @param limit most connects at once inside this process
 * @param timeout per connect
 */
public record RangeScanTask(String host, List<Integer> ports, int limit, Duration timeout)
        implements Callable<RangeReport>, Serializable {

    /**
     * Scans the slice on virtual threads (hint: {@link VirtualScanner}) and reports this
     * process's id with the open ports.
     */
    @Override
    public RangeReport call() throws Exception {
        throw new UnsupportedOperationException("TODO: exercise 1, scan the slice and report this process's pid");
    }
}
