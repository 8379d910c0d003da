package concurrencylab.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ExecutorService} whose workers are separate JVMs: Java's answer to Python's
 * {@code ProcessPoolExecutor}. Tasks cross the process boundary serialized; results and
 * exceptions come back (an exception keeps its type, message and remote stack trace, plus a
 * last frame naming the worker).
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
 * While it has no task yet, each worker spends up to 300 ms of that idle time running its
 * own per-task path (deserialize a task, serialize a result) so that the JIT compiles it:
 * a CPU-bound job cut into tens of chunks would otherwise pay interpreted Java
 * serialization on every chunk. A worker whose first task is already waiting skips this. The flags workers get, and what each measurably does, are in {@code WorkerLauncher}.
 *
 * <p><b>Portability.</b> {@code submit} serializes the task at once and throws
 * {@link TaskNotPortableException} if it, or anything it refers to, is not serializable or
 * cannot be loaded in another JVM (a lambda or class defined in a notebook cell).
 *
 * <p><b>Faults.</b> A worker that dies mid-task fails that task with
 * {@link WorkerDiedException} (worker index, pid, exit status) and is replaced; other tasks
 * are unaffected. {@code cancel(true)} on a running task kills its worker, which is
 * replaced. {@code shutdown()}/{@code close()} let queued tasks finish, then close each
 * worker's stdin and destroy it if it has not exited within a grace period;
 * {@code shutdownNow()} kills running workers at once. Workers also exit by themselves
 * when this JVM dies, so none is left behind.
 *
 * <p>Thread safety: all methods may be called from any thread; the result of a task
 * happens-before {@code get()} returns it.
 */
public final class ProcessPool implements ExecutorService {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private enum State { RUNNING, SHUTDOWN, STOP }

    private final int id = POOL_IDS.incrementAndGet();
    private final WorkerLauncher launcher;
    private final TaskPortability portability;
    private final LinkedBlockingQueue<ProcessFuture<?>> queue = new LinkedBlockingQueue<>();
    private final List<WorkerSlot> slots = new ArrayList<>();
    private final CountDownLatch terminated;
    private final Object stateLock = new Object();
    private volatile State state = State.RUNNING;

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
        this.terminated = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            slots.add(new WorkerSlot(this, i, queue));
        }
        startAll();
        // In the notebook kernel, interrupting the cell that created this pool kills its workers.
        concurrencylab.kernel.CellSession.adopt("worker JVM", workers, this, this::shutdownNow);
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
                terminated.countDown();
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
        List<Long> pids = new ArrayList<>();
        for (WorkerSlot slot : slots) {
            long pid = slot.pid();
            if (pid > 0) {
                pids.add(pid);
            }
        }
        return List.copyOf(pids);
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
        return enqueue(new ProcessFuture<T>(task, portability.serialize(task), false, null));
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
        return enqueue(new ProcessFuture<T>(call, portability.serialize(call), true, result));
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
        ((ProcessFuture<?>) submit(command)).whenComplete((ok, failure) -> {
            if (failure != null && !(failure instanceof CancellationException)) {
                System.err.println(this + ": task " + command + " failed: " + failure);
            }
        });
    }

    private <T> ProcessFuture<T> enqueue(ProcessFuture<T> future) {
        synchronized (stateLock) {
            if (state != State.RUNNING) {
                throw new RejectedExecutionException(this + " is shut down and accepts no new task; create a new pool");
            }
            queue.add(future);
        }
        return future;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> futures = submitAll(tasks);
        try {
            for (Future<T> f : futures) {
                awaitQuietly(f);
            }
        } catch (InterruptedException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Future<T>> futures = submitAll(tasks);
        try {
            for (Future<T> f : futures) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | CancellationException oneFailed) {
            return awaitRest(futures, deadline);
        } catch (TimeoutException e) {
            cancelAll(futures);
        } catch (InterruptedException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    private <T> List<Future<T>> awaitRest(List<Future<T>> futures, long deadline) throws InterruptedException {
        for (Future<T> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException failed) {
                // recorded in the future itself
            } catch (TimeoutException e) {
                cancelAll(futures);
                return futures;
            }
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return InvokeAny.first(submitAll(tasks), false, 0);
        } catch (TimeoutException impossible) {
            throw new AssertionError("untimed invokeAny timed out", impossible);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return InvokeAny.first(submitAll(tasks), true, deadline);
    }

    /** Checks every task first (all or nothing), then submits them. */
    private <T> List<Future<T>> submitAll(Collection<? extends Callable<T>> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        List<ProcessFuture<T>> prepared = new ArrayList<>();
        for (Callable<T> task : tasks) {
            Objects.requireNonNull(task, "a task in the collection is null");
            prepared.add(new ProcessFuture<>(task, portability.serialize(task), false, null));
        }
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (ProcessFuture<T> f : prepared) {
                futures.add(enqueue(f));
            }
        } catch (RejectedExecutionException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    private static void awaitQuietly(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException | CancellationException failed) {
            // recorded in the future itself
        }
    }

    static void cancelAll(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            f.cancel(true);
        }
    }

    /** Stops accepting tasks; queued tasks still run, then every worker JVM is stopped. Does not wait. */
    @Override
    public void shutdown() {
        synchronized (stateLock) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.SHUTDOWN;
            endQueue();
        }
    }

    /**
     * Stops accepting tasks, kills the worker JVMs running tasks (those tasks end cancelled)
     * and returns the tasks that never started; does not wait for the JVMs to exit.
     */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> neverStarted = new ArrayList<>();
        synchronized (stateLock) {
            State before = state;
            state = State.STOP;
            for (ProcessFuture<?> f; (f = queue.poll()) != null; ) {
                if (f != ProcessFuture.END) {
                    neverStarted.add(f);
                }
            }
            if (before != State.STOP) {
                endQueue();
            }
        }
        for (WorkerSlot slot : slots) {
            slot.stopNow();
        }
        return neverStarted;
    }

    private void endQueue() {
        for (int i = 0; i < slots.size(); i++) {
            queue.add(ProcessFuture.END);
        }
    }

    @Override
    public boolean isShutdown() {
        return state != State.RUNNING;
    }

    @Override
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    boolean isStopping() {
        return state == State.STOP;
    }

    void slotTerminated() {
        terminated.countDown();
    }

    WorkerLauncher launcher() {
        return launcher;
    }

    int id() {
        return id;
    }

    @Override
    public String toString() {
        return "ProcessPool-" + id + "[" + slots.size() + " workers, " + state.name().toLowerCase()
                + (isTerminated() ? ", terminated" : "") + "]";
    }
}
