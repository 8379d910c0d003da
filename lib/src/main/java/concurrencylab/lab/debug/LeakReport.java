package concurrencylab.lab.debug;

import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * What a block of code left behind: threads, child processes and listening ports that did
 * not exist at the {@link LeakCheck} baseline and were still there after the grace period.
 *
 * {@snippet :
 * LeakReport report = LeakCheck.snapshot().leaksSince();
 * if (!report.isClean()) System.out.println(report); // names each leaked thread, pid, port
 * }
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param threads   threads alive now that were not alive at the baseline
 * @param processes child processes alive now that were not at the baseline
 * @param ports     TCP ports this JVM listens on now and did not at the baseline
 * @param waited    how long the check waited for things to end before reporting
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record LeakReport(List<LeakedThread> threads, List<LeakedProcess> processes,
                         List<Integer> ports, Duration waited) {

    /**
     * A thread that outlived the block.
     *
     * @param tid     thread id
     * @param name    name, or {@code virtual#tid} for a nameless virtual thread
     * @param virtual whether it is virtual
     * @param daemon  whether it is a daemon (a non-daemon platform thread keeps the JVM alive)
     * @param state   thread state
     * @param where   where it is: its innermost frame in your code, or its top frame
     */
    public record LeakedThread(long tid, String name, boolean virtual, boolean daemon,
                               String state, String where) {
    }

    /**
     * A child process that outlived the block.
     *
     * @param pid     process id
     * @param command its command line, or {@code ?} when the OS does not say
     */
    public record LeakedProcess(long pid, String command) {
    }

    /** Copies the lists so the record stays immutable. */
    public LeakReport {
        threads = List.copyOf(threads);
        processes = List.copyOf(processes);
        ports = List.copyOf(ports);
    }

    /** Returns whether nothing was left behind. */
    public boolean isClean() {
        return threads.isEmpty() && processes.isEmpty() && ports.isEmpty();
    }

    /** Returns a one-line count, e.g. {@code 0 threads, 0 processes, 0 ports left}. */
    public String counts() {
        return count(threads.size(), "thread", "threads") + ", " + count(processes.size(), "process", "processes") + ", "
                + count(ports.size(), "port", "ports") + " left";
    }

    /** Returns the names of the leaked threads, e.g. {@code [pool-3-thread-1]}. */
    public List<String> threadNames() {
        return threads.stream().map(LeakedThread::name).toList();
    }

    /**
     * Throws when something leaked; returns this report otherwise.
     *
     * @return this report, when clean
     * @throws IllegalStateException if a thread, process or port was left behind, naming them
     */
    public LeakReport throwIfLeaky() {
        if (!isClean()) {
            throw new IllegalStateException(toString());
        }
        return this;
    }

    /** Returns one row per leak: kind, id, name, detail. */
    public Table toTable() {
        List<List<String>> rows = new ArrayList<>();
        for (LeakedThread t : threads) {
            rows.add(List.of(t.virtual() ? "virtual thread" : (t.daemon() ? "daemon thread" : "thread"), "#" + t.tid(),
                    t.name(), t.state() + " " + t.where()));
        }
        processes.forEach(p -> rows.add(List.of("process", "pid " + p.pid(), p.command(), "still running")));
        ports.forEach(port -> rows.add(List.of("listening port", String.valueOf(port), "tcp " + port, "still listening")));
        return RowTable.of(rows).text("kind", r -> r.get(0)).text("id", r -> r.get(1)).text("name", r -> r.get(2))
                .text("detail", r -> r.get(3)).toTable(isClean() ? "No leaks" : "Leaks");
    }

    @Override
    public String toString() {
        if (isClean()) {
            return "No leaks: no new threads, child processes or listening ports.";
        }
        StringBuilder out = new StringBuilder("Leaks after waiting " + waited.toMillis() + " ms:");
        if (!threads.isEmpty()) {
            out.append("\n  threads: ").append(threads.stream()
                    .map(t -> t.name() + (t.virtual() ? " (virtual)" : "") + " at " + t.where())
                    .collect(Collectors.joining(", ")));
        }
        if (!processes.isEmpty()) {
            out.append("\n  processes: ").append(processes.stream()
                    .map(p -> p.pid() + " " + p.command()).collect(Collectors.joining(", ")));
        }
        if (!ports.isEmpty()) {
            out.append("\n  listening ports: ").append(ports);
        }
        return out.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
