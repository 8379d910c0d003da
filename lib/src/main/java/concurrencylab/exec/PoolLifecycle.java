package concurrencylab.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The run state of a {@link ProcessPool} and its task queue: RUNNING, then SHUTDOWN (no new
 * task; queued ones still run), then STOP (queued tasks taken out; running ones are
 * cancelled by the pool), and terminated once every dispatcher has exited.
 *
 * <p>A dispatcher exits when it takes an end marker from the queue. Each call of
 * {@link #shutdown()} or {@link #stop()}, in any order and any number of times, leaves one
 * end marker per dispatcher in the queue after the tasks still to run, so that every
 * dispatcher still running wakes up and exits: no call can take away the markers an
 * earlier call put there. Markers left over by dispatchers that already exited are harmless.
 *
 * <p>Thread safety: all methods may be called from any thread. Queuing a task
 * happens-before a dispatcher takes it; a dispatcher's {@link #dispatcherExited()} (after it
 * stopped its worker JVM) happens-before {@link #awaitTermination} returns true.
 */
final class PoolLifecycle {

    enum State { RUNNING, SHUTDOWN, STOP }

    private final LinkedBlockingQueue<ProcessFuture<?>> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private final int dispatchers;
    private final CountDownLatch terminated;
    private volatile State state = State.RUNNING;

    PoolLifecycle(int dispatchers) {
        this.dispatchers = dispatchers;
        this.terminated = new CountDownLatch(dispatchers);
    }

    /**
     * Queues a task for the dispatchers and returns it.
     *
     * @throws RejectedExecutionException unless the pool is running; {@code pool} names it in the message
     */
    <T> ProcessFuture<T> enqueue(ProcessFuture<T> task, Object pool) {
        synchronized (lock) {
            if (state != State.RUNNING) {
                throw new RejectedExecutionException(pool + " is shut down and accepts no new task; create a new pool");
            }
            queue.add(task);
        }
        return task;
    }

    /** Blocks until a task or an end marker ({@link ProcessFuture#END}) is queued and takes it. */
    ProcessFuture<?> take() throws InterruptedException {
        return queue.take();
    }

    /** Moves RUNNING to SHUTDOWN: queued tasks still run, then each dispatcher meets an end marker. */
    void shutdown() {
        synchronized (lock) {
            if (state == State.RUNNING) {
                state = State.SHUTDOWN;
                addEndMarkers();
            }
        }
    }

    /**
     * Moves to STOP from any state: takes every queued task out of the queue and returns those
     * tasks, in queue order, and leaves one end marker per dispatcher.
     */
    List<Runnable> stop() {
        List<ProcessFuture<?>> drained = new ArrayList<>();
        synchronized (lock) {
            state = State.STOP;
            queue.drainTo(drained);
            addEndMarkers();
        }
        List<Runnable> neverStarted = new ArrayList<>();
        for (ProcessFuture<?> f : drained) {
            if (f != ProcessFuture.END) {
                neverStarted.add(f);
            }
        }
        return neverStarted;
    }

    private void addEndMarkers() {
        for (int i = 0; i < dispatchers; i++) {
            queue.add(ProcessFuture.END);
        }
    }

    State state() {
        return state;
    }

    boolean isShutdown() {
        return state != State.RUNNING;
    }

    boolean isStopping() {
        return state == State.STOP;
    }

    /** Called once by each dispatcher as its last act (and for each one that never started). */
    void dispatcherExited() {
        terminated.countDown();
    }

    boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    /**
     * {@link java.util.concurrent.ExecutorService#close()} for the pool: shuts down and waits
     * for termination; interrupted while waiting (or already), runs {@code shutdownNow} once,
     * keeps waiting, and re-asserts the interrupt flag before returning. Returns at once if
     * terminated.
     */
    void close(Runnable shutdownNow) {
        if (isTerminated()) {
            return;
        }
        shutdown();
        boolean interrupted = false;
        while (!isTerminated()) {
            try {
                awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    shutdownNow.run();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
