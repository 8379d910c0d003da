package concurrencylab.lab.pitfalls;

import concurrencylab.util.RowTable;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The outcome of one {@link NurseryDemo}: what the caller saw, and how and when each task
 * ended relative to the moment the caller moved on.
 *
 * {@snippet :
 * NurseryRun run = NurseryDemo.firstFailureCancelsSiblings();
 * run.orphans(); // 0: no task outlived the scope
 * run.toTable();
 * }
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param title            which demo this was
 * @param callerSaw        what the caller got back (a result or the exception it caught)
 * @param callerReturnedMs when the caller moved on, in ms since the demo started
 * @param fates            how each task ended
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record NurseryRun(String title, String callerSaw, long callerReturnedMs, List<TaskFate> fates) {

    /**
     * How one task ended.
     *
     * @param task    the task's name
     * @param fate    {@code completed}, {@code failed: ...} or {@code cancelled (interrupted)}
     * @param endedMs when it ended, in ms since the demo started
     */
    public record TaskFate(String task, String fate, long endedMs) {
    }

    /** Copies the list so the record stays immutable. */
    public NurseryRun {
        fates = List.copyOf(fates);
    }

    /** Returns how many tasks were still running after the caller moved on: always 0 for a structured scope. */
    public int orphans() {
        return (int) fates.stream().filter(f -> f.endedMs() > callerReturnedMs).count();
    }

    /** Returns the fate of the task called {@code task}, or {@code "?"} if there is none. */
    public String fateOf(String task) {
        return fates.stream().filter(f -> f.task().equals(task)).map(TaskFate::fate)
                .findFirst().orElse("?");
    }

    /** Returns one row per task: task, fate, ended at, outlived the caller. */
    public Table toTable() {
        return RowTable.of(fates)
                .text("task", TaskFate::task)
                .text("fate", TaskFate::fate)
                .longs("ended at ms", TaskFate::endedMs)
                .flags("outlived caller (" + callerReturnedMs + " ms)", f -> f.endedMs() > callerReturnedMs)
                .toTable(title);
    }

    @Override
    public String toString() {
        return title + ": caller saw " + callerSaw + " at " + callerReturnedMs + " ms; "
                + fates.stream().map(f -> f.task() + " " + f.fate() + " at " + f.endedMs() + " ms")
                .collect(Collectors.joining("; ")) + "; orphans: " + orphans();
    }
}
