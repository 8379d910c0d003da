package concurrencylab.notebook;

import java.util.Set;

/**
 * What a block of code left behind: threads (by name), child processes (by pid) and
 * listening ports that were not there before it.
 */
public record LeakSummary(Set<String> threads, Set<String> processes, Set<Integer> ports) {

    /** Returns true when nothing was left behind. */
    public boolean isClean() {
        return threads.isEmpty() && processes.isEmpty() && ports.isEmpty();
    }

    /** Returns a one-line count, e.g. {@code 0 threads, 0 processes, 0 ports left}. */
    public String counts() {
        return threads.size() + " threads, " + processes.size() + " processes, " + ports.size() + " ports left";
    }

    @Override
    public String toString() {
        return isClean() ? "nothing left behind"
                : "threads " + threads + ", child processes " + processes + ", listening ports " + ports;
    }
}
