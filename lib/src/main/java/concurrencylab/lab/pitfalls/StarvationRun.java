package concurrencylab.lab.pitfalls;

import concurrencylab.lab.debug.DumpedThread;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What one {@link StarvationDemo} run saw: whether the tasks finished within the patience, and
 * if not, where the pool's threads were stuck.
 *
 * <p>Immutable, so safe to share between threads. Introduced in notebook {@code 07.3-Async-Model}.
 *
 * @param variant      the mistake or the fix that ran
 * @param outerTasks   how many outer tasks ran
 * @param completed    whether every outer task finished within the patience
 * @param outcome      what the caller saw, e.g. {@code "TimeoutException after 300 ms"}
 * @param elapsed      how long the caller waited
 * @param stuck        the demo's threads as a thread dump showed them after a timeout (empty if none)
 * @param threadsEnded whether every pool the run started had terminated afterwards
 */
public record StarvationRun(StarvationDemo.Variant variant, int outerTasks, boolean completed, String outcome,
                            Duration elapsed, List<DumpedThread> stuck, boolean threadsEnded) {

    /** Copies the stuck threads so the record stays immutable. */
    public StarvationRun {
        Require.nonNull("variant", variant);
        stuck = List.copyOf(stuck);
    }

    /** Returns one row per stuck thread: name, state, where it waits, and the demo's frame. */
    public Table stuckTable() {
        return DumpedThread.waitTable(variant.label() + ": threads after " + elapsed.toMillis() + " ms", stuck,
                "CompletableFuture.join", "CompletableFuture.get", "LinkedBlockingQueue.take");
    }
}
