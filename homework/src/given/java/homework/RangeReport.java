package homework;

import java.io.Serializable;
import java.util.List;

/**
 * What one worker process found in its slice of the ports (given code): its process id and the
 * open ports. Serializable, because it travels back from a child JVM. Immutable.
 *
 * @param pid the process that scanned the slice ({@code ProcessHandle.current().pid()})
 * @param open the open ports of the slice, ascending
 */
public record RangeReport(long pid, List<Integer> open) implements Serializable {

    /** Copies {@code open}, so the report is immutable. */
    public RangeReport {
        open = List.copyOf(open);
    }
}
