package concurrencylab.exec;

/**
 * The cause of a failed {@code Future} when the worker JVM running the task died (exit,
 * halt, crash, {@code kill -9}) before answering.
 *
 * {@snippet :
 * Future<Void> f = pool.submit(LabTasks.haltWorker(3));
 * try {
 *     f.get(30, TimeUnit.SECONDS);
 * } catch (ExecutionException e) {
 *     System.out.println(e.getCause().getMessage()); // worker 0 (pid 4242) died ... exit status 3
 * }
 * }
 * <p>Thread safety: immutable once thrown.
 */
public final class WorkerDiedException extends RuntimeException {

    private final int workerIndex;
    private final long pid;
    private final int exitStatus;

    WorkerDiedException(String message, int workerIndex, long pid, int exitStatus, Throwable cause) {
        super(message, cause);
        this.workerIndex = workerIndex;
        this.pid = pid;
        this.exitStatus = exitStatus;
    }

    /** Returns the index (0..workers-1) of the worker slot whose JVM died. */
    public int workerIndex() {
        return workerIndex;
    }

    /** Returns the operating-system pid of the JVM that died. */
    public long pid() {
        return pid;
    }

    /** Returns the exit status of the dead JVM (128 + signal when killed by a signal), or -1 if unknown. */
    public int exitStatus() {
        return exitStatus;
    }
}
