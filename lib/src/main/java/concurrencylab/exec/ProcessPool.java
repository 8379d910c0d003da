package concurrencylab.exec;

import concurrencylab.kernel.CellSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ExecutorService} whose workers are separate JVMs: Java's answer to Python's
 * {@code ProcessPoolExecutor}. Tasks cross the process boundary serialized, and so do
 * results and exceptions: a result is an equal copy, never the task's own object, and an
 * exception comes back as the task threw it (see <b>Futures</b>).
 * {@snippet :
 * try (var pool = ProcessPool.of(4)) {
 *     Future<Long> primes = pool.submit(LabTasks.countPrimes(1, 2_000_000));
 *     System.out.println(primes.get(60, TimeUnit.SECONDS));
 * }
 * }
 *
 * <p><b>Workers.</b> Each of the {@code workers} JVMs runs the parent's own {@code java}
 * binary with {@code --enable-preview}, headless, and the classpath in the environment
 * variable {@code COURSE_CLASSPATH} (if set) or else the parent's {@code java.class.path}.
 * Start is <em>eager</em>: the constructor launches every worker JVM at once, so they boot
 * in the background while you prepare tasks; the first task on a worker waits for its
 * boot. Workers stay warm and are reused, one task at a time each; a free worker takes the
 * next task from one shared queue, so short and long tasks balance out by themselves.
 * After its first task, while no other task waits, each worker spends up to 300 ms of idle
 * time running its own per-task path (deserialize a task, serialize a result) so that the
 * JIT compiles it before a stream of short tasks arrives. The flags workers get, their AOT
 * cache (a faster start) and why are in {@code WorkerLauncher} and {@code WorkerCache}.
 *
 * <p><b>Portability.</b> {@code submit} serializes the task at once and throws
 * {@link TaskNotPortableException} if it, or anything it refers to, is not serializable or
 * cannot be loaded in another JVM (a lambda or class defined in a notebook cell).
 *
 * <p><b>Futures</b> behave as a {@code FutureTask}'s. {@code get()} throws
 * {@link ExecutionException} whose cause is the task's exception with its type, message,
 * causes and suppressed exceptions, whatever its type (a task that throws
 * {@code CancellationException} has failed, not been cancelled; a
 * {@code CompletionException} it throws is not unwrapped), with the remote stack trace plus
 * a last frame naming the worker; an exception that cannot be serialized comes back as a
 * {@link RemoteTaskException}. {@code cancel} returns true only for the call that cancelled
 * the task, false if it had completed, failed or been cancelled already. A cancelled queued
 * task never runs; {@code cancel(true)} on a running task kills its worker, which is
 * replaced; {@code cancel(false)} lets it run to its end and discards the result. The
 * futures are {@link java.util.concurrent.CompletableFuture}s: a callback receives a failure
 * wrapped in a {@code CompletionException} whose cause is the task's exception.
 *
 * <p><b>Faults.</b> A worker that dies mid-task fails that task with {@link WorkerDiedException}
 * (worker index, pid, exit status) and is replaced; other tasks are unaffected. Workers also
 * exit by themselves when this JVM dies, and in the course kernel when the notebook cell that
 * created the pool is interrupted ({@code shutdownNow()}).
 *
 * <p><b>Shutdown.</b> {@code shutdown()} lets queued tasks finish, then closes each worker's
 * stdin and destroys it if it has not exited within a grace period.
 * {@code shutdownNow()} returns the queued tasks, cancels the running ones and kills their
 * workers. Both may be called any number of times, in any order, from any thread; once
 * {@code shutdownNow()} has been called, the pool terminates within bounded time (every
 * wait of its dispatchers is then bounded), also when a worker dies meanwhile.
 * {@code isTerminated()} is true only once every worker JVM has been stopped and waited
 * for. {@link #close()} follows {@link ExecutorService#close()}.
 *
 * <p>Thread safety: all methods may be called from any thread. Submitting a task
 * happens-before it runs in a worker; the completion of a task happens-before {@code get()}
 * returns its result or throws; stopping every worker JVM happens-before
 * {@code awaitTermination} returns true.
 */
public final class ProcessPool implements ExecutorService {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int id = POOL_IDS.incrementAndGet();
    private final WorkerLauncher launcher;
    private final TaskPortability portability;
    private final PoolLifecycle lifecycle;
    private final List<WorkerSlot> slots = new ArrayList<>();

    /**
     * Creates a pool and starts {@code workers} worker JVMs.
     *
     * @param workers the number of worker JVMs, 1 to 64
     * @throws IllegalArgumentException if {@code workers} is outside 1..64
     * @throws java.io.UncheckedIOException if a worker JVM cannot be started
     */
    public ProcessPool(int workers) {
        this(workers, WorkerLauncher.fromEnvironment());
    }

    ProcessPool(int workers, WorkerLauncher launcher) {
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be between 1 and 64, got " + workers);
        }
        this.launcher = launcher;
        this.portability = new TaskPortability(launcher.classpath());
        this.lifecycle = new PoolLifecycle(workers);
        for (int i = 0; i < workers; i++) {
            slots.add(new WorkerSlot(this, i, lifecycle));
        }
        startAll();
        CellSession.adopt("worker JVM", workers, this, this::shutdownNow);
    }

    /**
     * Creates a pool of {@code workers} worker JVMs; same as {@code new ProcessPool(workers)}.
     *
     * @throws IllegalArgumentException if {@code workers} is outside 1..64
     * @throws java.io.UncheckedIOException if a worker JVM cannot be started
     */
    public static ProcessPool of(int workers) {
        return new ProcessPool(workers);
    }

    private void startAll() {
        int started = 0;
        try {
            for (WorkerSlot slot : slots) {
                slot.start();
                started++;
            }
        } catch (RuntimeException e) {
            shutdown();
            for (int i = started; i < slots.size(); i++) {
                lifecycle.dispatcherExited();
            }
            throw e;
        }
    }

    /** Returns the number of worker JVMs. */
    public int workers() {
        return slots.size();
    }

    /** Returns the pids of the worker JVMs alive now (fewer than {@link #workers()} while one is replaced). */
    public List<Long> workerPids() {
        return slots.stream().mapToLong(WorkerSlot::pid).filter(pid -> pid > 0).boxed().toList();
    }

    /**
     * Submits a task to run in a worker JVM.
     *
     * @throws NullPointerException if {@code task} is null
     * @throws TaskNotPortableException if the task cannot be serialized or loaded in a worker JVM
     * @throws RejectedExecutionException if the pool is shut down
     */
    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return lifecycle.enqueue(new ProcessFuture<T>(task, portability.serialize(task), false, null), this);
    }

    /**
     * Submits a {@link Serializable} Runnable; its future yields {@code result} (kept in this JVM).
     *
     * @throws NullPointerException if {@code task} is null
     * @throws TaskNotPortableException if the task cannot be serialized or loaded in a worker JVM
     * @throws RejectedExecutionException if the pool is shut down
     */
    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        portability.serialize(task); // a clear message about the Runnable itself, before wrapping it
        var call = new RunnableCall(task);
        return lifecycle.enqueue(new ProcessFuture<T>(call, portability.serialize(call), true, result), this);
    }

    /**
     * Submits a {@link Serializable} Runnable; its future yields null.
     *
     * @throws NullPointerException if {@code task} is null
     * @throws TaskNotPortableException if the task cannot be serialized or loaded in a worker JVM
     * @throws RejectedExecutionException if the pool is shut down
     */
    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    /**
     * Runs a {@link Serializable} Runnable in a worker; a failure is printed to System.err.
     *
     * @throws NullPointerException if {@code command} is null
     * @throws TaskNotPortableException if the task cannot be serialized or loaded in a worker JVM
     * @throws RejectedExecutionException if the pool is shut down
     */
    @Override
    public void execute(Runnable command) {
        var future = (ProcessFuture<?>) submit(command);
        future.whenComplete((ok, failure) -> {
            if (failure != null && !future.isCancelled()) {
                System.err.println(this + ": task " + command + " failed: " + future.exceptionNow());
            }
        });
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return InvokeAll.awaitAll(submitAll(tasks), false, 0);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return InvokeAll.awaitAll(submitAll(tasks), true, deadline);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return InvokeAny.first(submitAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return InvokeAny.first(submitAll(tasks), true, deadline);
    }

    private <T> List<Future<T>> submitAll(Collection<? extends Callable<T>> tasks) {
        return InvokeAll.submitAll(tasks, task -> new ProcessFuture<>(task, portability.serialize(task), false, null),
                future -> lifecycle.enqueue(future, this));
    }

    /** Stops accepting tasks; queued tasks still run, then every worker JVM is stopped. Does not wait. */
    @Override
    public void shutdown() {
        lifecycle.shutdown();
    }

    /**
     * Stops accepting tasks, takes the queued tasks out and returns them (they never started;
     * each one, as a Runnable, runs its task in the calling JVM), cancels the running tasks and
     * kills their worker JVMs; does not wait for the JVMs to exit. Calling it again returns
     * what has been queued since, that is nothing, and stops nothing twice.
     */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> neverStarted = lifecycle.stop();
        for (WorkerSlot slot : slots) {
            slot.stopNow();
        }
        return neverStarted;
    }

    /**
     * Shuts the pool down and waits until it has terminated: queued tasks run first, then
     * every worker JVM is stopped. If the calling thread is interrupted while waiting, or
     * was already, this calls {@link #shutdownNow()} once (queued tasks never run, running
     * ones are cancelled and their workers killed), keeps waiting, which then ends within
     * bounded time, and re-asserts the thread's interrupt flag before returning, as
     * {@link ExecutorService#close()} specifies. Does nothing once the pool has terminated.
     */
    @Override
    public void close() {
        lifecycle.close(this::shutdownNow);
    }

    @Override
    public boolean isShutdown() {
        return lifecycle.isShutdown();
    }

    /** Returns true once the pool is shut down, every task has ended and every worker JVM has been stopped. */
    @Override
    public boolean isTerminated() {
        return lifecycle.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return lifecycle.awaitTermination(timeout, unit);
    }

    WorkerLauncher launcher() {
        return launcher;
    }

    int id() {
        return id;
    }

    @Override
    public String toString() {
        return "ProcessPool-" + id + "[" + slots.size() + " workers, " + lifecycle.state().name().toLowerCase()
                + (isTerminated() ? ", terminated" : "") + "]";
    }
}
