package concurrencylab.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * One worker position in a {@link ProcessPool}: a dispatcher thread that takes tasks from
 * the pool's queue and runs them, one at a time, on its worker JVM, replacing the JVM when
 * it dies or is killed by a cancel.
 */
final class WorkerSlot {

    /** How long a worker gets to exit after its stdin closes before it is destroyed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final ProcessPool pool;
    private final int index;
    private final BlockingQueue<ProcessFuture<?>> queue;
    private final Object lock = new Object();
    private WorkerProcess worker;            // guarded by lock
    private ProcessFuture<?> current;        // guarded by lock
    private boolean killedForCancel;         // guarded by lock
    private Thread dispatcher;

    WorkerSlot(ProcessPool pool, int index, BlockingQueue<ProcessFuture<?>> queue) {
        this.pool = pool;
        this.index = index;
        this.queue = queue;
    }

    /** Starts the worker JVM (eagerly) and the dispatcher thread. */
    void start() {
        try {
            setWorker(WorkerProcess.start(pool.launcher(), pool.id(), index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start worker JVM " + index + " with "
                    + pool.launcher(), e);
        }
        dispatcher = Thread.ofPlatform().daemon().name("ProcessPool-" + pool.id() + "-dispatcher-" + index)
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

    /** For shutdownNow: cancels the running task, if any, and kills its worker. */
    void stopNow() {
        ProcessFuture<?> running;
        synchronized (lock) {
            running = current;
        }
        if (running != null) {
            running.cancel(true);
        }
    }

    private void dispatchLoop() {
        try {
            for (ProcessFuture<?> task = queue.take(); task != ProcessFuture.END; task = queue.take()) {
                runOne(task);
            }
        } catch (InterruptedException e) {
            // shutdownNow: fall through and stop the worker
        } finally {
            WorkerProcess last = setWorker(null);
            if (last != null) {
                last.stop(STOP_GRACE);
            }
            pool.slotTerminated();
        }
    }

    private void runOne(ProcessFuture<?> task) {
        if (pool.isStopping()) {
            task.cancel(false);
            return;
        }
        WorkerProcess w = workerOrReplacement(task);
        if (w == null) {
            return;
        }
        task.runningOn(this);
        synchronized (lock) {
            if (task.isDone()) {
                return;
            }
            current = task;
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

    /** Returns the live worker, first replacing a dead one; fails the task if none can start. */
    private WorkerProcess workerOrReplacement(ProcessFuture<?> task) {
        WorkerProcess w;
        synchronized (lock) {
            w = worker;
        }
        if (w != null) {
            return w;
        }
        try {
            w = setWorkerIfRunning(WorkerProcess.start(pool.launcher(), pool.id(), index));
            if (w == null) {
                task.cancel(false);
            }
            return w;
        } catch (IOException e) {
            task.completeExceptionally(new WorkerDiedException("worker " + index + " of " + pool
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
        if (!task.isDone()) {
            task.completeExceptionally(new WorkerDiedException(deathMessage(task, w, status), index, w.pid(),
                    status, failure));
        }
    }

    private String deathMessage(ProcessFuture<?> task, WorkerProcess w, int status) {
        String tail = w.stderrTail();
        return "worker " + index + " (pid " + w.pid() + ") of " + pool + " died while running " + task.task()
                + ": " + ExitStatus.describe(status) + "; the pool replaces it and runs the other tasks"
                + (tail.isEmpty() ? "" : ". Last lines on its stderr:\n" + tail);
    }

    /** Replaces a dead or killed worker with a fresh JVM, unless the pool is stopping. */
    private void replace(WorkerProcess dead) {
        dead.kill();
        dead.awaitExit(EXIT_WAIT);
        setWorker(null);
        if (pool.isStopping()) {
            return;
        }
        try {
            setWorkerIfRunning(WorkerProcess.start(pool.launcher(), pool.id(), index));
        } catch (IOException e) {
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
        if (pool.isStopping()) {
            w.kill();
            w.awaitExit(EXIT_WAIT);
            return null;
        }
        setWorker(w);
        return w;
    }
}
