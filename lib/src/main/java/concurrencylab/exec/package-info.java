/**
 * Executors: the three ways the course runs tasks (platform threads, virtual threads, worker
 * JVMs), and the process pool of worker JVMs, Java's answer to Python's
 * {@code ProcessPoolExecutor}. Part of the library students read: it depends on nothing of the
 * lab ({@code concurrencylab.lab.*}) or the entry points ({@code concurrencylab.cli}).
 *
 * <h2>Choosing an executor (notebook {@code 07.1-No-GIL}, then {@code 07.2-Executors})</h2>
 * <ul>
 *   <li>{@link concurrencylab.exec.ExecutorKind}: {@code PLATFORM}, {@code VIRTUAL} or
 *       {@code PROCESS}, each creating an {@code ExecutorService} of a given size.</li>
 * </ul>
 *
 * <h2>The process pool (notebook {@code 07.2-Executors}; the homework {@code 07.8-Homework})</h2>
 * <ul>
 *   <li>{@link concurrencylab.exec.ProcessPool}: an {@code ExecutorService} whose workers are
 *       separate JVMs; tasks and results cross the process boundary serialized.</li>
 *   <li>{@link concurrencylab.exec.TaskNotPortableException}: thrown at submit for a task a worker
 *       cannot load (a notebook cell's lambda, say); {@link concurrencylab.exec.WorkerDiedException}:
 *       the cause of a failed future when its worker died; {@link concurrencylab.exec.RemoteTaskException}:
 *       stands in for an exception that could not cross back as itself.</li>
 *   <li>{@link concurrencylab.exec.ProcessWorker}: the worker JVM's main class; not for direct use.</li>
 *   <li>{@link concurrencylab.exec.WorkerCache}: the workers' AOT cache beside the lib jar, which
 *       {@code ./course setup} records and a new worker starts from when it is there.</li>
 * </ul>
 *
 * <h2>Child JVMs</h2>
 * <ul>
 *   <li>{@link concurrencylab.exec.JvmCommand}: the one builder of a child JVM's command line
 *       (the parent's java, preview on, headless, the course classpath); the pool's workers and
 *       every other child JVM of the course are started with it.</li>
 * </ul>
 *
 * <p>Package-private, the pool's machinery: {@code WorkerLauncher} (the worker's command line
 * and flags), {@code WorkerSlot} (one worker position and its dispatcher thread),
 * {@code WorkerProcess} (one running worker JVM), {@code ProcessFuture} and
 * {@code RemoteOutcome} (a task's future and how a reply completes it), {@code WireFormat} (the
 * pipe protocol), {@code TaskPortability} (which tasks can cross), {@code InvokeAny},
 * {@code RunnableCall} and {@code ExitStatus}.
 */
package concurrencylab.exec;
