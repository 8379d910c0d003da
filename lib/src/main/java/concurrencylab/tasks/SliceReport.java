package concurrencylab.tasks;

import java.io.Serializable;
import java.util.List;

/**
 * What one slice of a port scan found and which process scanned it: the answer of
 * {@link LabTasks#scanSlice}. A hybrid scanner merges one report per worker process.
 *
 * {@snippet :
 * SliceReport r = pool.submit(LabTasks.scanSlice("127.0.0.1", ports, 100, Duration.ofMillis(500)))
 *         .get(60, TimeUnit.SECONDS);
 * System.out.println("process " + r.pid() + " found " + r.open());
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param pid  the process that scanned the slice ({@code ProcessHandle.current().pid()} there)
 * @param open the open ports of the slice, ascending
 */
public record SliceReport(long pid, List<Integer> open) implements Serializable {

    /** Copies {@code open}, so the report is immutable. */
    public SliceReport {
        open = List.copyOf(open);
    }
}
