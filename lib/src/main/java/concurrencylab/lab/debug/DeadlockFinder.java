package concurrencylab.lab.debug;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Finds deadlocked threads with {@link ThreadMXBean#findDeadlockedThreads()}: threads in a
 * cycle, each waiting for a monitor or a {@code java.util.concurrent} lock another one holds.
 *
 * {@snippet :
 * List<DeadlockFinder.Deadlocked> stuck = DeadlockFinder.find();
 * DeadlockFinder.toTable(stuck); // thread, waiting for, held by, where
 * }
 *
 * <p>This sees platform threads; a virtual thread deadlocked on a lock shows up in a
 * {@link ThreadDump} instead. Stateless; safe to call from any thread. Introduced in notebook
 * {@code 07.5-Debugging-Toolbox}.
 */
public final class DeadlockFinder {
    private DeadlockFinder() {
    }

    /**
     * One thread of a deadlock cycle.
     *
     * @param thread     its name
     * @param waitingFor the lock it wants, e.g. {@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c}
     * @param heldBy     the thread holding that lock
     * @param where      the innermost frame of its stack above the lock machinery
     */
    public record Deadlocked(String thread, String waitingFor, String heldBy, String where) {
    }

    /** Returns the threads that are deadlocked now, or an empty list. */
    public static List<Deadlocked> find() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        return Arrays.stream(threads.getThreadInfo(ids, true, true)).filter(Objects::nonNull)
                .map(DeadlockFinder::describe).toList();
    }

    /**
     * Polls {@link #find()} until a deadlock appears or {@code timeout} passes.
     *
     * @param timeout how long to look, 0 to 1 minute
     * @return the deadlocked threads, or an empty list if none appeared in time
     * @throws IllegalArgumentException if {@code timeout} is out of range
     * @throws InterruptedException     if interrupted while polling
     */
    public static List<Deadlocked> await(Duration timeout) throws InterruptedException {
        Require.inRange("timeout", timeout, Duration.ZERO, Duration.ofMinutes(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Deadlocked> found = find();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = find();
        }
        return found;
    }

    /** Returns one row per deadlocked thread. */
    public static Table toTable(List<Deadlocked> deadlocked) {
        return RowTable.of(deadlocked)
                .text("thread", Deadlocked::thread)
                .text("waiting for", Deadlocked::waitingFor)
                .text("held by", Deadlocked::heldBy)
                .text("where", Deadlocked::where)
                .toTable(deadlocked.isEmpty() ? "No deadlock" : "Deadlock");
    }

    private static Deadlocked describe(ThreadInfo info) {
        String where = Arrays.stream(info.getStackTrace())
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .filter(f -> !DumpedThread.isParkingFrame(f) && !f.startsWith("java.util.concurrent.locks."))
                .findFirst().map(DumpedThread::shorten).orElse("");
        return new Deadlocked(info.getThreadName(), String.valueOf(info.getLockName()),
                String.valueOf(info.getLockOwnerName()), where);
    }
}
