/**
 * Tasks the lessons run, written once and runnable on any executor, including another JVM.
 *
 * <h2>The task type</h2>
 * <ul>
 *   <li>{@link concurrencylab.tasks.PortableCallable}: a {@code Callable} that is also
 *       {@code Serializable}, so it can cross to a worker process. Introduced in notebook
 *       {@code 07.2-Executors}, where a cell's own lambda is refused by the process pool and a
 *       library task is not.</li>
 * </ul>
 *
 * <h2>The tasks</h2>
 * <ul>
 *   <li>{@link concurrencylab.tasks.LabTasks}: static factories. {@code countPrimes} (CPU
 *       work, introduced in {@code 07.1-No-GIL-in-Java}), {@code sleep} and
 *       {@code fetchLength} (waiting on I/O, loopback only; {@code 07.2-Executors}),
 *       {@code sha256Hex}, {@code sha256Report} and {@code whoRanMe} ({@code 07.4-Hybrid-Crawler}),
 *       {@code noop} (overhead benchmarks), {@code haltWorker} (a crashing worker,
 *       {@code 07.2-Executors}) and {@code readStaticNote} (a worker JVM starts fresh,
 *       {@code 07.2-Executors}).</li>
 *   <li>{@link concurrencylab.tasks.StaticNote}: a static field set in the notebook and read
 *       by {@code readStaticNote}, Java's side of Python's fork-versus-spawn ({@code 07.2-Executors}).</li>
 *   <li>{@link concurrencylab.tasks.WhoRan}: pid, thread, virtual or not, carrier; the answer
 *       of {@code whoRanMe()} ({@code 07.4-Hybrid-Crawler}).</li>
 *   <li>{@link concurrencylab.tasks.HashReport}: a digest, the byte count, who hashed it and how
 *       long it took; the answer of {@code sha256Report} ({@code 07.4-Hybrid-Crawler}).</li>
 * </ul>
 *
 * <p>Package-private: one record per task ({@code PrimeCount}, {@code Sha256Rounds}, {@code BodyHash},
 * {@code Sleeper}, {@code HttpLength}, {@code WhoRanMe}, {@code NoOp}, {@code WorkerHalt}, {@code StaticNoteReader}).
 */
package concurrencylab.tasks;
