package concurrencylab.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The future of one task submitted to a {@link ProcessPool}: the serialized task, the
 * worker slot running it (if any), and its outcome. {@code cancel(true)} on a running task
 * kills that worker's JVM (the pool replaces it). As a {@link Runnable} (what
 * {@code shutdownNow()} returns for tasks that never started), it runs the task in the
 * calling JVM, as a {@code FutureTask} would.
 */
final class ProcessFuture<T> extends CompletableFuture<T> implements Runnable {

    /** Marks the end of the queue for one dispatcher. */
    static final ProcessFuture<Void> END = new ProcessFuture<>(() -> null, new byte[0], false, null);

    private final Callable<?> task;
    private final byte[] payload;
    private final boolean fixedResult;
    private final T result;
    private volatile WorkerSlot runningOn;

    ProcessFuture(Callable<?> task, byte[] payload, boolean fixedResult, T result) {
        this.task = task;
        this.payload = payload;
        this.fixedResult = fixedResult;
        this.result = result;
    }

    byte[] payload() {
        return payload;
    }

    Callable<?> task() {
        return task;
    }

    void runningOn(WorkerSlot slot) {
        runningOn = slot;
    }

    /** Completes with the worker's result, or with the fixed result of a submitted Runnable. */
    @SuppressWarnings("unchecked")
    void completeWithRemote(Object value) {
        complete(fixedResult ? result : (T) value);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        WorkerSlot slot = runningOn;
        if (cancelled && mayInterruptIfRunning && slot != null) {
            slot.killIfRunning(this);
        }
        return cancelled;
    }

    /** Runs the task in this JVM and completes this future (for tasks returned by shutdownNow). */
    @Override
    public void run() {
        if (isDone()) {
            return;
        }
        try {
            completeWithRemote(task.call());
        } catch (Throwable t) {
            completeExceptionally(t);
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    @Override
    public String toString() {
        return "ProcessFuture[" + task + ", " + state() + "]";
    }
}
