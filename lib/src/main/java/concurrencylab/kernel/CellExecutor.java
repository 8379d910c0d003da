package concurrencylab.kernel;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the executor on which the kernel evaluates snippets, so that each snippet runs tagged
 * with its cell and an interrupt of the cell stops what the cell started.
 *
 * <p>JJava evaluates every snippet with {@code executor.submit(callable)} and waits with
 * {@code get()}; its interrupt calls {@code cancel(true)} on the futures of the snippets in
 * flight. This executor hands back a {@link CellFuture}: its {@code cancel} interrupts the
 * evaluation thread as before, then runs {@link CellCleanup} on a thread of its own, prints
 * the one-line report into the interrupted cell, and only then lets {@code get()} throw the
 * {@link CancellationException} that ends the cell. So the report lands in the cell that was
 * interrupted, and the next cell starts after the clean-up (bounded by
 * {@link CellSession#CLEANUP_BUDGET} plus the stops of adopted resources).
 *
 * <p>Thread-safe, as the executor it wraps.
 */
final class CellExecutor extends AbstractExecutorService {
    /** The longest {@code get()} waits for the clean-up after an interrupt (a safety net). */
    private static final long CLEANUP_WAIT_SECONDS = 20;

    private final ExecutorService delegate;
    private final CellSession session;

    CellExecutor(ExecutorService delegate, CellSession session) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The executor this one wraps. */
    ExecutorService delegate() {
        return delegate;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        CellRun run = session.snippetSubmitted();
        CellFuture<T> future = new CellFuture<>(run, session);
        if (run.takePendingInterrupt()) {
            // interrupted while this snippet was being compiled: it never starts
            FutureTask<T> never = new FutureTask<>(task);
            future.inner = never;
            future.cancel(true);
            return future;
        }
        future.inner = delegate.submit(() -> future.evaluate(task));
        return future;
    }

    @Override
    public Future<?> submit(Runnable task) {
        return submit(java.util.concurrent.Executors.callable(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return submit(java.util.concurrent.Executors.callable(task, result));
    }

    @Override
    public void execute(Runnable command) {
        submit(command);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }

    /**
     * The future of one snippet: the wrapped executor's future, plus the clean-up an interrupt
     * starts.
     */
    static final class CellFuture<T> implements Future<T> {
        private final CellRun run;
        private final CellSession session;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CountDownLatch cleaned = new CountDownLatch(1);
        private volatile Future<T> inner;

        CellFuture(CellRun run, CellSession session) {
            this.run = run;
            this.session = session;
        }

        /** Runs on the evaluation thread: tags it with the cell for the snippet's duration. */
        T evaluate(Callable<T> task) throws Exception {
            Thread me = Thread.currentThread();
            ClassLoader before = me.getContextClassLoader();
            ClassLoader untagged = CellLoader.untagged(before);
            me.setContextClassLoader(run.tagFor(untagged));
            run.snippetStarted(me);
            try {
                session.beforeSnippet().run();
                return task.call();
            } finally {
                run.snippetEnded();
                me.setContextClassLoader(untagged);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            Future<T> f = inner;
            if (f == null || !cancelled.compareAndSet(false, true)) {
                return f != null && f.isCancelled();
            }
            if (f.isDone() || !run.markInterrupted()) {
                boolean c = f.cancel(mayInterruptIfRunning);
                cleaned.countDown();
                return c;
            }
            CellCleanup.Census before = CellCleanup.census(run);
            boolean wasRunning = f.cancel(mayInterruptIfRunning);
            if (!wasRunning) {
                cleaned.countDown();
                return false;
            }
            Thread.ofPlatform().daemon().name("course-interrupt-cell-" + run.number()).start(() -> {
                try {
                    CleanupReport report = CellCleanup.run(session, run, session.cleanupBudget(), before);
                    session.reportSink().accept(report.line());
                } catch (RuntimeException | Error e) {
                    session.reportSink().accept("interrupted: the clean-up of this cell failed: " + e);
                } finally {
                    cleaned.countDown();
                }
            });
            return true;
        }

        @Override
        public boolean isCancelled() {
            Future<T> f = inner;
            return f != null && f.isCancelled();
        }

        @Override
        public boolean isDone() {
            Future<T> f = inner;
            return f != null && f.isDone() && (!f.isCancelled() || cleaned.getCount() == 0);
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            try {
                return inner.get();
            } catch (CancellationException c) {
                awaitCleanup();
                throw c;
            }
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            try {
                return inner.get(timeout, unit);
            } catch (CancellationException c) {
                awaitCleanup();
                throw c;
            }
        }

        private void awaitCleanup() throws InterruptedException {
            cleaned.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
