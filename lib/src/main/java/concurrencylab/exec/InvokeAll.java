package concurrencylab.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * invokeAll for {@link ProcessPool}: waits for every future, or until the deadline; on
 * return, a task that has not completed is cancelled, and so is every unfinished task when
 * the waiting thread is interrupted (as {@link java.util.concurrent.ExecutorService#invokeAll}
 * specifies).
 */
final class InvokeAll {

    private InvokeAll() {
    }

    /**
     * Prepares every task first, so that a null or non-portable one submits nothing, then
     * queues them in order; if the pool rejects one, those queued already are cancelled.
     *
     * @throws NullPointerException if {@code tasks} or one of them is null
     */
    static <T> List<Future<T>> submitAll(Collection<? extends Callable<T>> tasks,
            Function<Callable<T>, ProcessFuture<T>> prepare, Consumer<ProcessFuture<T>> enqueue) {
        Objects.requireNonNull(tasks, "tasks");
        List<ProcessFuture<T>> prepared = new ArrayList<>();
        for (Callable<T> task : tasks) {
            prepared.add(prepare.apply(Objects.requireNonNull(task, "a task in the collection is null")));
        }
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (ProcessFuture<T> f : prepared) {
                enqueue.accept(f);
                futures.add(f);
            }
        } catch (RuntimeException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    /**
     * Waits for every future in turn, up to {@code deadlineNanos} (a {@link System#nanoTime}
     * value) if {@code timed}, then returns the list.
     *
     * @throws InterruptedException if interrupted while waiting; every future is cancelled first
     */
    static <T> List<Future<T>> awaitAll(List<Future<T>> futures, boolean timed, long deadlineNanos)
            throws InterruptedException {
        try {
            for (Future<T> f : futures) {
                if (!awaitOne(f, timed, deadlineNanos)) {
                    cancelAll(futures);
                    break;
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    /** Waits for one future; returns false if the deadline passed first. Its failure stays in the future. */
    private static boolean awaitOne(Future<?> f, boolean timed, long deadlineNanos) throws InterruptedException {
        try {
            if (timed) {
                f.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else {
                f.get();
            }
            return true;
        } catch (ExecutionException | CancellationException recordedInTheFuture) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Cancels every future with {@code cancel(true)}; completed ones are unaffected. */
    static void cancelAll(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            f.cancel(true);
        }
    }
}
