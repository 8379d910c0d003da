package concurrencylab.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops what an interrupted cell started, in bounded time, and says what it stopped.
 *
 * <p>What it catches, in one pass every 20 ms until everything ended or the budget is spent:
 * <ul>
 *   <li>Threads the cell started, platform and virtual, directly or through any executor,
 *       scope or library (tagged by {@link CellLoader}): interrupted, again every 200 ms while
 *       they live.</li>
 *   <li>Executors the cell created (their thread container did not exist when the cell
 *       started): {@code ThreadPoolExecutor}s, {@code ForkJoinPool}s and thread-per-task
 *       executors get {@code shutdownNow()}, so a pool that was never closed loses its idle
 *       workers too. A pool an earlier cell created is never shut down; its workers running
 *       this cell's tasks are interrupted.</li>
 *   <li>Resources the library adopted for the cell ({@link CellSession#adopt}): process pools
 *       ({@code shutdownNow}: busy worker JVMs are killed) and lab servers ({@code close}).</li>
 *   <li>Threads the cell did not start that run its code, such as common-pool workers running a
 *       {@code CompletableFuture} stage the cell submitted: interrupted, not stopped.</li>
 *   <li>Listening sockets that appeared during the cell and still listen once its threads and
 *       resources ended, or two fifths into the budget (a platform thread blocked in
 *       {@code accept} ignores interrupts): shut down from outside ({@link ListeningSockets}),
 *       which also wakes that thread.</li>
 * </ul>
 *
 * <p>What it cannot do: end a thread that does not react to interrupts (a spinning
 * {@code while (true)}, a blocking read on a pipe or a platform thread's socket, a
 * {@code CompletableFuture.join()} on work nobody interrupts). Java has no safe way to kill a
 * thread; such threads are named in the report with where they are, and left running. Nor does
 * it see threads that replaced their context class loader, tasks queued (not running) on a
 * shared pool, child processes other than the library's worker JVMs, or a {@code ForkJoinPool}
 * or executor created by a thread of an earlier cell while this cell ran (it counts as this
 * cell's).
 *
 * <p>Stateless; each call works on its own data.
 */
final class CellCleanup {
    private static final long PASS_NANOS = Duration.ofMillis(20).toNanos();
    private static final long REINTERRUPT_NANOS = Duration.ofMillis(200).toNanos();

    private CellCleanup() {
    }

    /**
     * Stops what {@code run} started and waits up to {@code budget} for it to end.
     *
     * @return what was stopped, and what still runs
     */
    static CleanupReport run(CellSession session, CellRun run, Duration budget) {
        return run(session, run, budget, census(run));
    }

    /**
     * What the cell has started and is still running: taken just before the evaluation thread
     * is interrupted, so that what the cell's own code then stops (a scope or an executor
     * closing itself) is counted too.
     */
    static Census census(CellRun run) {
        Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<ExecutorService> executors = Collections.newSetFromMap(new IdentityHashMap<>());
        Thread eval = run.evalThread();
        for (Thread t : LiveThreads.all()) {
            if (t == eval || LiveThreads.isJvmOwned(t)) {
                continue;
            }
            Object container = LiveThreads.containerOf(t);
            ExecutorService executor = LiveThreads.executorOf(t, container);
            boolean executorIsNew = executor != null && container != null && !LiveThreads.isRoot(container)
                    && !run.existedBefore(container);
            if (CellLoader.cellOf(t) == run.number() || executorIsNew) {
                threads.add(t);
            }
            if (executorIsNew && !executor.isTerminated()) { // closing but still running counts
                executors.add(executor);
            }
        }
        return new Census(threads, executors);
    }

    /** The threads and executors a cell started that were running when it was interrupted. */
    record Census(Set<Thread> threads, Set<ExecutorService> executors) {
    }

    static CleanupReport run(CellSession session, CellRun run, Duration budget, Census before) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int cell = run.number();
        Thread self = Thread.currentThread();

        Map<String, Integer> adoptedUnits = new LinkedHashMap<>();
        List<Thread> stoppers = new ArrayList<>();
        for (Adopted a : run.takeAdopted()) {
            adoptedUnits.merge(a.kind(), a.units(), Integer::sum);
            stoppers.add(Thread.ofPlatform().daemon().name("course-stop-" + a.kind().replace(' ', '-'))
                    .start(() -> {
                        try {
                            a.stop().run();
                        } catch (RuntimeException e) {
                            System.err.println("interrupt of cell " + cell + ": stopping " + a.what() + " failed: " + e);
                        }
                    }));
        }

        Set<Thread> started = Collections.newSetFromMap(new IdentityHashMap<>());
        started.addAll(before.threads());
        for (Thread t : started) {
            t.interrupt();
        }
        Set<String> borrowed = new LinkedHashSet<>();
        Set<ExecutorService> executors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ExecutorService e : before.executors()) {
            if (executors.add(e)) {
                e.shutdownNow();
            }
        }
        Set<Long> portsStopped = new HashSet<>();
        boolean portsDone = false;
        long lastInterrupt = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            boolean again = now - lastInterrupt >= REINTERRUPT_NANOS;
            if (again) {
                lastInterrupt = now;
            }
            Thread eval = run.evalThread();
            List<Thread> busyBorrowed = new ArrayList<>();
            for (Thread t : LiveThreads.all()) {
                if (t == self || t == eval || stoppers.contains(t)) {
                    continue;
                }
                boolean commonWorker = LiveThreads.isCommonPoolWorker(t);
                if (!commonWorker && LiveThreads.isJvmOwned(t)) {
                    continue;
                }
                Object container = commonWorker ? null : LiveThreads.containerOf(t);
                ExecutorService executor = commonWorker ? null : LiveThreads.executorOf(t, container);
                boolean executorIsNew = executor != null && container != null && !LiveThreads.isRoot(container)
                        && !run.existedBefore(container);
                if (CellLoader.cellOf(t) == cell || executorIsNew) {
                    if (started.add(t) || again) {
                        t.interrupt();
                    }
                    if (executorIsNew && executors.add(executor)) {
                        executor.shutdownNow();
                    }
                } else if ((commonWorker || executor != null) && session.codeCell(t) == cell) {
                    borrowed.add(LiveThreads.label(t));
                    busyBorrowed.add(t);
                    t.interrupt();
                }
            }
            boolean threadsDone = started.stream().noneMatch(Thread::isAlive) && busyBorrowed.isEmpty()
                    && stoppers.stream().noneMatch(Thread::isAlive) && !run.snippetRunning();
            boolean halfway = System.nanoTime() - start >= budget.toNanos() * 2 / 5;
            if ((threadsDone || halfway) && !portsDone) {
                portsDone = true;
                Set<Long> fresh = new HashSet<>(ListeningSockets.inodes());
                fresh.removeAll(run.listeningBefore());
                for (long inode : fresh) {
                    if (ListeningSockets.stopListening(inode)) {
                        portsStopped.add(inode);
                    }
                }
                if (!portsStopped.isEmpty() || !threadsDone) {
                    continue; // one more pass: threads blocked in accept() wake up now
                }
            }
            if ((threadsDone && portsDone) || System.nanoTime() >= deadline) {
                break;
            }
            LockSupport.parkNanos(Math.min(PASS_NANOS, Math.max(1, deadline - System.nanoTime())));
        }

        int ended = 0;
        int virtualEnded = 0;
        List<String> stubborn = new ArrayList<>();
        for (Thread t : started) {
            if (t.isAlive()) {
                stubborn.add(describe(t));
            } else {
                ended++;
                if (t.isVirtual()) {
                    virtualEnded++;
                }
            }
        }
        Thread eval = run.evalThread();
        if (run.snippetRunning() && eval != null) {
            stubborn.add("the cell's own code, " + describe(eval));
        }
        for (Thread s : stoppers) {
            if (s.isAlive()) {
                stubborn.add("a stop still in progress, " + describe(s));
            }
        }
        Set<Long> leftPorts = new HashSet<>(ListeningSockets.inodes());
        leftPorts.removeAll(run.listeningBefore());
        Map<Long, Integer> known = ListeningSockets.byInode();
        for (int port : ListeningSockets.ports(leftPorts, known)) {
            stubborn.add("port " + port + " still listening");
        }
        int executorsDown = (int) executors.stream().filter(ExecutorService::isShutdown).count();
        return new CleanupReport(cell, ended, virtualEnded, executorsDown, adoptedUnits, portsStopped.size(),
                List.copyOf(borrowed), stubborn, Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code name at Frame(File:line)}: a thread and the innermost frame of its stack. */
    static String describe(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        String where = "?";
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun."))) {
                where = frame(e);
                break;
            }
        }
        if ("?".equals(where) && stack.length > 0) {
            where = frame(stack[0]);
        }
        return LiveThreads.label(t) + (t.isVirtual() ? " (virtual)" : "") + " at " + where;
    }

    private static String frame(StackTraceElement e) {
        String c = e.getClassName();
        String simple = c.substring(c.lastIndexOf('.') + 1);
        String file = e.getFileName() == null ? "" : e.getFileName();
        String line = e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "";
        return simple + "." + e.getMethodName() + "(" + file + line + ")";
    }
}
