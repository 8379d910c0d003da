package homework;

import java.util.List;
import java.util.Set;

/**
 * The answer of the hybrid scanner (given code): every open port and which processes did the
 * scanning. Immutable.
 *
 * @param openPorts the open ports, ascending
 * @param pids the process ids of the worker JVMs that scanned a slice
 */
public record HybridScan(List<Integer> openPorts, Set<Long> pids) {

    /** Copies both collections, so the result is immutable. */
    public HybridScan {
        openPorts = List.copyOf(openPorts);
        pids = Set.copyOf(pids);
    }
}
