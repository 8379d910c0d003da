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
 *       work, introduced in {@code 07.1-No-GIL}), {@code sleep} and
 *       {@code fetchLength} (waiting on I/O, loopback only; {@code 07.2-Executors}),
 *       {@code sha256Hex}, {@code sha256Report} and {@code reportExecutionSite} ({@code 07.4-Hybrid-Crawler}),
 *       {@code noop} (overhead benchmarks), {@code haltWorker} (a crashing worker,
 *       {@code 07.2-Executors}), {@code readStaticNote} (a worker JVM starts fresh,
 *       {@code 07.2-Executors}) and {@code scanSlice} (one slice of a hybrid port scan, the
 *       nbgrader version of {@code 07.8-Homework}).</li>
 *   <li>{@link concurrencylab.tasks.StaticNote}: a static field set in the notebook and read
 *       by {@code readStaticNote}, Java's side of Python's fork-versus-spawn ({@code 07.2-Executors}).</li>
 *   <li>{@link concurrencylab.tasks.ExecutionSite}: pid, thread, virtual or not, carrier; the answer
 *       of {@code reportExecutionSite()} ({@code 07.4-Hybrid-Crawler}) and of
 *       {@code ExecutionSite.here()} ({@code 07.5-Debugging-Toolbox}).</li>
 *   <li>{@link concurrencylab.tasks.HashReport}: a digest, the byte count, who hashed it and how
 *       long it took; the answer of {@code sha256Report} ({@code 07.4-Hybrid-Crawler}).</li>
 *   <li>{@link concurrencylab.tasks.SliceReport}: a pid and the open ports it found; the answer
 *       of {@code scanSlice}.</li>
 * </ul>
 *
 * <h2>Around the tasks</h2>
 * <ul>
 *   <li>{@link concurrencylab.tasks.Loopback}: the test every client applies before it sends
 *       anything: is this host loopback?</li>
 * </ul>
 *
 * <p>Package-private: one record per task ({@code PrimeCount}, {@code Sha256Rounds}, {@code BodyHash},
 * {@code Sleeper}, {@code HttpLength}, {@code ReportExecutionSite}, {@code NoOp}, {@code WorkerHalt}, {@code SliceScan},
 * {@code StaticNoteReader}).
 */
package concurrencylab.tasks;
