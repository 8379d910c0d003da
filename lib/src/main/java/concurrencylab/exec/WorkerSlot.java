package concurrencylab.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * One worker position in a {@link ProcessPool}: a dispatcher thread that takes tasks from
 * the pool's queue and runs them, one at a time, on its worker JVM, replacing the JVM when
 * it dies or is killed by a cancel.
 *
 * <p>Apart from waiting for the next task and for a task's reply, every wait of the
 * dispatcher is bounded. Once the pool stops ({@code shutdownNow}), no task starts, the
 * running task's worker is killed (which ends the wait for its reply) and an end marker ends
 * the wait for the next task, so the dispatcher exits, after stopping its worker JVM, within
 * bounded time.
 *
 * <p>Thread safety: the dispatcher thread alone starts and replaces worker JVMs;
 * {@link #pid()}, {@link #killIfRunning} and {@link #stopNow()} may be called from any thread.
 */
final class WorkerSlot {

    /** How long a worker gets to exit after its stdin closes before it is destroyed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final ProcessPool pool;
    private final int index;
    private final PoolLifecycle lifecycle;
    private final Object lock = new Object();
    private WorkerProcess worker;            // guarded by lock
    private ProcessFuture<?> current;        // guarded by lock
    private boolean killedForCancel;         // guarded by lock

    WorkerSlot(ProcessPool pool, int index, PoolLifecycle lifecycle) {
        this.pool = pool;
        this.index = index;
        this.lifecycle = lifecycle;
    }

    /** Starts the worker JVM (eagerly) and the dispatcher thread. */
    void start() {
        try {
            setWorker(WorkerProcess.start(pool.launcher(), pool.id(), index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start worker JVM " + index + " with "
                    + pool.launcher(), e);
        }
        Thread.ofPlatform().daemon().name("ProcessPool-" + pool.id() + "-dispatcher-" + index)
                .start(this::dispatchLoop);
    }

    /** Returns the pid of the live worker JVM, or -1 if there is none right now. */
    long pid() {
        synchronized (lock) {
            return worker != null && worker.isAlive() ? worker.pid() : -1;
        }
    }

    /** Kills the worker if it is running {@code task} (cancel(true)); the dispatcher replaces it. */
    void killIfRunning(ProcessFuture<?> task) {
        synchronized (lock) {
            if (current == task && worker != null) {
                killedForCancel = true;
                worker.kill();
            }
        }
    }

    /**
     * For shutdownNow, once the pool is stopping: cancels the running task, if any, and kills
     * its worker JVM, even if its future had been cancelled already with {@code cancel(false)}
     * (the worker would otherwise run it to its end).
     */
    void stopNow() {
        ProcessFuture<?> running;
        synchronized (lock) {
            running = current;
        }
        if (running != null) {
            running.cancel(false); // completes it as cancelled unless it has ended; the kill stops it
            killIfRunning(running);
        }
    }

    private void dispatchLoop() {
        try {
            for (ProcessFuture<?> task = lifecycle.take(); task != ProcessFuture.END; task = lifecycle.take()) {
                runGuarded(task);
            }
        } catch (InterruptedException e) {
            // nobody interrupts a dispatcher; should it happen, stop as at the end of the queue
        } finally {
            try {
                WorkerProcess last = setWorker(null);
                if (last != null) {
                    last.stop(STOP_GRACE);
                }
            } finally {
                lifecycle.dispatcherExited();
            }
        }
    }

    /** Runs one task; an unexpected failure fails that task and replaces the worker, never the dispatcher. */
    private void runGuarded(ProcessFuture<?> task) {
        try {
            runOne(task);
        } catch (RuntimeException | Error e) {
            task.fail(e);
            WorkerProcess w;
            synchronized (lock) {
                current = null;
                killedForCancel = false;
                w = worker;
            }
            if (w != null) {
                replace(w); // its pipes may be mid-frame
            }
        }
    }

    private void runOne(ProcessFuture<?> task) {
        if (lifecycle.isStopping()) {
            task.cancel(false);
            return;
        }
        WorkerProcess w = workerOrReplacement(task);
        if (w == null || !becomeCurrent(task)) {
            return;
        }
        WireFormat.Reply reply = null;
        IOException failure = null;
        try {
            reply = w.call(task.payload());
        } catch (IOException e) {
            failure = e;
        }
        boolean killed;
        synchronized (lock) {
            current = null;
            killed = killedForCancel;
            killedForCancel = false;
        }
        if (failure == null) {
            RemoteOutcome.complete(task, reply, w);
        } else {
            failDead(task, w, failure);
        }
        if (failure != null || killed) {
            replace(w);
        }
    }

    /**
     * Makes {@code task} the running one, unless it is done (cancelled while queued) or the pool
     * is stopping (then it is cancelled): checked under the lock that {@link #stopNow()} and
     * {@link #killIfRunning} take, so a shutdownNow or cancel(true) either sees the task
     * running and kills its worker, or the task never starts.
     */
    private boolean becomeCurrent(ProcessFuture<?> task) {
        task.runningOn(this);
        boolean stopping;
        synchronized (lock) {
            if (task.isDone()) {
                return false;
            }
            stopping = lifecycle.isStopping();
            if (!stopping) {
                current = task;
            }
        }
        if (stopping) {
            task.cancel(false);
        }
        return !stopping;
    }

    /** Returns the live worker, first replacing a dead one; fails the task if none can start. */
    private WorkerProcess workerOrReplacement(ProcessFuture<?> task) {
        WorkerProcess w;
        synchronized (lock) {
            w = worker;
        }
        if (w != null && w.isAlive()) {
            return w;
        }
        if (w != null) { // died while idle (killed from outside): replace it without failing this task
            w.awaitExit(EXIT_WAIT);
            setWorker(null);
        }
        try {
            w = setWorkerIfRunning(WorkerProcess.start(pool.launcher(), pool.id(), index));
            if (w == null) {
                task.cancel(false);
            }
            return w;
        } catch (IOException e) {
            task.fail(new WorkerDiedException("worker " + index + " of " + pool
                    + " could not be started: " + e.getMessage(), index, -1, -1, e));
            return null;
        }
    }

    private void failDead(ProcessFuture<?> task, WorkerProcess w, IOException failure) {
        int status = w.awaitExit(EXIT_WAIT);
        if (status < 0) {
            w.kill();
            status = w.awaitExit(EXIT_WAIT);
        }
        task.fail(new WorkerDiedException(deathMessage(task, w, status), index, w.pid(), status, failure));
    }

    private String deathMessage(ProcessFuture<?> task, WorkerProcess w, int status) {
        String tail = w.stderrTail();
        String what = w.isReady() ? "died while running " + task.task()
                : "exited before it was ready, so it could not run " + task.task() + " (is the library on its"
                  + " classpath? started as " + pool.launcher() + ", classpath from " + WorkerLauncher.CLASSPATH_VARIABLE
                  + " or java.class.path)";
        return "worker " + index + " (pid " + w.pid() + ") of " + pool + " " + what
                + ": " + ExitStatus.describe(status) + "; the pool replaces it and runs the other tasks"
                + (tail.isEmpty() ? "" : ". Last lines on its stderr:\n" + tail);
    }

    /**
     * Replaces a dead or killed worker with a fresh JVM at once, so the pool stays warm; once
     * the pool is shut down, a worker is started only if another queued task needs one.
     */
    private void replace(WorkerProcess dead) {
        dead.kill();
        dead.awaitExit(EXIT_WAIT);
        setWorker(null);
        if (lifecycle.isShutdown()) {
            return;
        }
        try {
            setWorkerIfRunning(WorkerProcess.start(pool.launcher(), pool.id(), index));
        } catch (IOException | RuntimeException e) {
            System.err.println("ProcessPool-" + pool.id() + ": could not replace worker " + index + " (" + e
                    + "); will retry with the next task");
        }
    }

    private WorkerProcess setWorker(WorkerProcess w) {
        synchronized (lock) {
            WorkerProcess old = worker;
            worker = w;
            return old;
        }
    }

    /** Installs a new worker unless shutdownNow began meanwhile, in which case it is stopped. */
    private WorkerProcess setWorkerIfRunning(WorkerProcess w) {
        if (lifecycle.isStopping()) {
            w.kill();
            w.awaitExit(EXIT_WAIT);
            return null;
        }
        setWorker(w);
        return w;
    }
}
