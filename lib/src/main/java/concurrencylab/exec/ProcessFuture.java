package concurrencylab.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The future of one task submitted to a {@link ProcessPool}: the serialized task, the
 * worker slot running it (if any), and its outcome. As a {@link Runnable} (what
 * {@code shutdownNow()} returns for tasks that never started), it runs the task in the
 * calling JVM, as a {@code FutureTask} would.
 *
 * <p><b>Outcome, as a FutureTask reports it.</b> {@code get()} returns the task's result
 * (a copy made by deserialization), or throws {@link java.util.concurrent.ExecutionException}
 * whose cause is the exception the task threw, whatever its type: a task that throws
 * {@link CancellationException} has <em>failed</em> with it ({@code state()} is FAILED,
 * {@code isCancelled()} false), and a {@link CompletionException} it throws is the cause
 * itself, not unwrapped. {@code get()} throws {@code CancellationException} only when the
 * future was cancelled.
 *
 * <p><b>Cancellation, as a FutureTask does it.</b> {@code cancel} returns true only for the
 * call that cancelled the task: false once the task has completed, failed or been cancelled
 * already, also when several threads cancel at once. A cancelled task that was still queued
 * never runs. {@code cancel(true)} on a running task kills its worker JVM (the pool replaces
 * it); {@code cancel(false)} lets the worker finish the task and discards the result.
 *
 * <p><b>As a CompletableFuture.</b> A failure is stored the way a CompletableFuture stores
 * the failure of a dependent stage: inside a {@code CompletionException} whose cause is the
 * task's exception. {@code get}, {@code join}, {@code exceptionNow} and {@code state} report
 * it as above; a {@code whenComplete}, {@code handle} or {@code exceptionally} callback
 * receives that CompletionException, and its {@code getCause()} is what the task threw.
 *
 * <p>Thread safety: all methods may be called from any thread. Completing the future (the
 * worker's reply read, or the cancellation) happens-before {@code get()} returns or throws
 * and before any callback runs.
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

    /**
     * Completes as failed with {@code failure}, exactly as given: wrapped in a
     * CompletionException, so that a CancellationException or CompletionException among the
     * task's own exceptions is neither taken for a cancellation nor unwrapped.
     *
     * @return whether this call completed the future
     */
    boolean fail(Throwable failure) {
        return completeExceptionally(new CompletionException(failure));
    }

    /**
     * Cancels the task unless it has completed, failed or been cancelled already; returns
     * whether this call cancelled it. With {@code mayInterruptIfRunning}, a running task's
     * worker JVM is killed.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = completeExceptionally(new CancellationException());
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
            fail(t);
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
