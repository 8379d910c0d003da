package concurrencylab.exec;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** invokeAny for {@link ProcessPool}: the first successful result; the other tasks are cancelled. */
final class InvokeAny {

    private InvokeAny() {
    }

    /** Untimed: the first successful result, or ExecutionException once every task has failed. */
    static <T> T first(List<Future<T>> futures) throws InterruptedException, ExecutionException {
        try {
            return first(futures, false, 0);
        } catch (TimeoutException impossible) {
            throw new AssertionError("untimed invokeAny timed out", impossible);
        }
    }

    static <T> T first(List<Future<T>> futures, boolean timed, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task, got none");
        }
        var finished = new LinkedBlockingQueue<Future<T>>();
        for (Future<T> f : futures) {
            ((CompletableFuture<T>) f).whenComplete((value, failure) -> finished.add(f));
        }
        try {
            ExecutionException last = null;
            for (int pending = futures.size(); pending > 0; pending--) {
                Future<T> f = timed ? finished.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)
                                    : finished.take();
                if (f == null) {
                    throw new TimeoutException("invokeAny: no task completed successfully within the timeout");
                }
                try {
                    return f.get();
                } catch (ExecutionException e) {
                    last = e;
                } catch (CancellationException e) {
                    last = new ExecutionException("a task was cancelled", e);
                }
            }
            throw last;
        } finally {
            InvokeAll.cancelAll(futures);
        }
    }
}
