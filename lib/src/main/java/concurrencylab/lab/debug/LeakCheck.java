package concurrencylab.lab.debug;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;

/**
 * A baseline of live threads (platform and virtual), child processes and listening ports,
 * to compare against later and report what a block of code left behind.
 *
 * {@snippet :
 * LeakCheck baseline = LeakCheck.snapshot();
 * ExecutorService pool = Executors.newFixedThreadPool(2); // never closed
 * pool.submit(() -> 42);
 * LeakReport report = baseline.leaksSince();            // names pool-N-thread-1
 * pool.close();
 * }
 *
 * <p>Virtual threads are found with a JSON thread dump ({@link ThreadDump}), because
 * {@link Thread#getAllStackTraces()} omits them. Things that end within the grace period
 * (default {@link #DEFAULT_GRACE}) are not leaks: a closed pool's threads take a moment to die.
 *
 * <p>What is never a leak: anything alive at the baseline; the JVM's own shared daemons,
 * which the JDK starts lazily and keeps for the life of the JVM: the virtual-thread
 * scheduler's carrier threads, {@code ForkJoinPool.commonPool()} workers, JDK system
 * threads ({@code jdk.internal.misc.InnocuousThread}: Common-Cleaner, process reapers,
 * pollers), a {@code ForkJoinPool}'s {@code -delayScheduler} thread (the scheduler's one starts
 * with the first virtual-thread sleep; an unclosed pool of your own is still caught by its
 * workers), JFR, Java2D/AWT, Attach Listener and HTTP keep-alive threads. Everything else is
 * reported, daemon or not, including an {@code HttpClient}'s selector thread (close the
 * client) and the workers of a {@code new ForkJoinPool()} that was never closed.
 *
 * <p>A snapshot is immutable and safe to share between threads. Introduced in notebook
 * {@code 07.5-Debugging-Toolbox}; every notebook's {@code lesson.finish()} uses it.
 */
public final class LeakCheck {
    /** How long {@link #leaksSince()} waits for new threads, processes and ports to end. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final List<String> JVM_THREAD_PREFIXES = List.of(
            "JFR ", "Java2D ", "AWT-", "Attach Listener", "Keep-Alive-", "process reaper",
            "Signal Dispatcher", "Notification Thread", "Common-Cleaner", "VirtualThread-",
            "Reference Handler", "Finalizer", "DestroyJavaVM", "RMI ", "JMX ",
            // the JDK's I/O pollers for virtual threads (sun.nio.ch.Poller), started on first socket use
            "MasterPoller", "SubPoller-");

    private final Set<Long> threadIds;
    private final Set<Long> pids;
    private final Set<Integer> ports;

    private LeakCheck(Set<Long> threadIds, Set<Long> pids, Set<Integer> ports) {
        this.threadIds = Set.copyOf(threadIds);
        this.pids = Set.copyOf(pids);
        this.ports = Set.copyOf(ports);
    }

    /** Records what is alive now: threads, child processes, listening ports. */
    public static LeakCheck snapshot() {
        return new LeakCheck(liveThreads().keySet(), livePids(), JvmListeningPorts.ofThisJvm());
    }

    /**
     * Runs {@code block} between a snapshot and a check, and reports what it left behind.
     *
     * @param block the code to check
     * @return what was left after {@link #DEFAULT_GRACE}
     * @throws Exception whatever {@code block} threw (then no report is made)
     */
    public static LeakReport around(ThrowingBlock block) throws Exception {
        LeakCheck baseline = snapshot();
        block.run();
        return baseline.leaksSince();
    }

    /** Code to check for leaks; may throw. */
    @FunctionalInterface
    public interface ThrowingBlock {
        /** Runs the block. @throws Exception anything the block throws */
        void run() throws Exception;
    }

    /** Reports what appeared since this snapshot and is still there after {@link #DEFAULT_GRACE}. */
    public LeakReport leaksSince() {
        return leaksSince(DEFAULT_GRACE);
    }

    /**
     * Reports what appeared since this snapshot and is still there after up to {@code grace}.
     *
     * @param grace how long to wait for new things to end (polled, so a clean block returns fast)
     * @return the leaks
     * @throws IllegalArgumentException if {@code grace} is negative or longer than a minute
     */
    public LeakReport leaksSince(Duration grace) {
        Require.inRange("grace", grace, Duration.ZERO, Duration.ofMinutes(1));
        long start = System.nanoTime();
        long deadline = start + grace.toNanos();
        while (true) {
            LeakReport report = compare(Duration.ofNanos(System.nanoTime() - start));
            if (report.isClean() || System.nanoTime() >= deadline) {
                return report;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
    }

    private LeakReport compare(Duration waited) {
        List<LeakReport.LeakedThread> threads = liveThreads().values().stream()
                .filter(t -> !threadIds.contains(t.tid())).toList();
        List<LeakReport.LeakedProcess> processes = new ArrayList<>();
        ProcessHandle.current().descendants().filter(p -> !pids.contains(p.pid()) && p.isAlive())
                .forEach(p -> processes.add(new LeakReport.LeakedProcess(p.pid(),
                        p.info().commandLine().or(() -> p.info().command()).orElse("?"))));
        List<Integer> newPorts = JvmListeningPorts.ofThisJvm().stream()
                .filter(p -> !ports.contains(p)).toList();
        return new LeakReport(threads, processes, newPorts, waited);
    }

    private static Set<Long> livePids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Live threads that could be leaks (JVM-owned ones left out), by id. */
    static Map<Long, LeakReport.LeakedThread> liveThreads() {
        Map<Long, Thread> platform = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            platform.put(t.threadId(), t);
        }
        Map<Long, LeakReport.LeakedThread> live = new HashMap<>();
        List<DumpedThread> dumped;
        try {
            dumped = ThreadDump.take().threads();
        } catch (RuntimeException noJsonDump) {
            dumped = platform.values().stream().map(t -> new DumpedThread(t.threadId(), t.getName(),
                    false, t.getState().name(), List.of())).toList();
        }
        for (DumpedThread d : dumped) {
            Thread t = platform.get(d.tid());
            if (d.tid() == Thread.currentThread().threadId() || isJvmOwned(d, t)) {
                continue;
            }
            boolean daemon = t != null ? t.isDaemon() : d.virtual();
            live.put(d.tid(), new LeakReport.LeakedThread(d.tid(), d.label(), d.virtual(), daemon,
                    d.state(), d.userFrame()));
        }
        return live;
    }

    static boolean isJvmOwned(DumpedThread d, Thread t) {
        if (JVM_THREAD_PREFIXES.stream().anyMatch(d.name()::startsWith) || d.name().endsWith("-Poller")
                || d.name().endsWith("-delayScheduler")) {
            return true;
        }
        if (t == null) {
            return false;
        }
        String type = t.getClass().getName();
        if (type.startsWith("jdk.internal.") && !type.startsWith("jdk.internal.net.http.")) {
            return true; // carrier threads of the virtual-thread scheduler, InnocuousThreads
        }                // (an HttpClient's selector thread is a jdk.internal.net.http class, and is the client's)
        return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
    }
}
