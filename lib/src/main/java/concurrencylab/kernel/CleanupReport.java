package concurrencylab.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an interrupt stopped: the one line a cell prints after it was interrupted.
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param cell            the interrupted cell's number
 * @param threads         threads the cell started that were interrupted and have ended
 * @param virtualThreads  how many of {@code threads} were virtual
 * @param executors       executors the cell created that were shut down ({@code shutdownNow})
 * @param adopted         resources adopted by the cell and stopped, as units per kind
 *                        (e.g. {@code "worker JVM" -> 2}), in the order they were adopted
 * @param ports           listening ports the cell opened that were still open after that and
 *                        were shut down from outside
 * @param borrowed        threads the cell did not start (a shared pool's workers) that were
 *                        running the cell's code and were interrupted, by name
 * @param stubborn        what the cell started and is still running after the wait: each
 *                        thread by name and where it is ({@code name at Frame(File:line)}),
 *                        each port as {@code port N}
 * @param took            from the interrupt to the report
 */
public record CleanupReport(int cell, int threads, int virtualThreads, int executors, Map<String, Integer> adopted,
                            int ports, List<String> borrowed, List<String> stubborn, Duration took) {

    /** Copies the collections so the record stays immutable. */
    public CleanupReport {
        adopted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(adopted));
        borrowed = List.copyOf(borrowed);
        stubborn = List.copyOf(stubborn);
    }

    /** Whether everything the cell started has ended. */
    public boolean clean() {
        return stubborn.isEmpty();
    }

    /**
     * The line the interrupted cell prints, e.g. {@code interrupted: stopped 4 threads,
     * 1 executor, 2 worker JVMs started by this cell (0.3 s)}.
     */
    public String line() {
        List<String> parts = new ArrayList<>();
        if (threads > 0) {
            parts.add(count(threads, "thread") + (virtualThreads == 0 ? ""
                    : virtualThreads == threads ? " (virtual)" : " (" + virtualThreads + " virtual)"));
        }
        if (executors > 0) {
            parts.add(count(executors, "executor"));
        }
        adopted.forEach((kind, n) -> parts.add(count(n, kind)));
        if (ports > 0) {
            parts.add(count(ports, "listening socket"));
        }
        StringBuilder out = new StringBuilder("interrupted: ");
        if (parts.isEmpty() && stubborn.isEmpty()) {
            out.append("this cell had started no threads, executors, worker JVMs, servers or listening sockets");
        } else if (parts.isEmpty()) {
            out.append("stopped nothing");
        } else {
            out.append("stopped ").append(String.join(", ", parts)).append(" started by this cell");
        }
        if (!borrowed.isEmpty()) {
            out.append("; interrupted ").append(count(borrowed.size(), "task")).append(" of this cell on shared threads (")
                    .append(String.join(", ", borrowed)).append(")");
        }
        out.append(String.format(" (%.1f s)", took.toMillis() / 1000.0));
        if (!stubborn.isEmpty()) {
            out.append("; still running, it ignores interrupts: ").append(String.join("; ", stubborn));
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return line();
    }
}
