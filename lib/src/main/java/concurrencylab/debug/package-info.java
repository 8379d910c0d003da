/**
 * The debugging toolbox: find what leaked, what is stuck, what is pinned and what is hot.
 * Introduced in notebook {@code 07.5-Debugging-Toolbox}; {@link concurrencylab.debug.LeakCheck}
 * also ends every notebook (through {@code lesson.finish()}).
 *
 * <h2>Leaks</h2>
 * <ul>
 *   <li>{@link concurrencylab.debug.LeakCheck}: a baseline of threads (platform and virtual),
 *       child processes and listening ports; reports what a block left behind.</li>
 *   <li>{@link concurrencylab.debug.LeakReport}: that report, as text or a table.</li>
 *   <li>{@link concurrencylab.debug.JvmListeningPorts}: this JVM's listening TCP ports (Linux).</li>
 * </ul>
 *
 * <h2>Thread dumps with virtual threads</h2>
 * <ul>
 *   <li>{@link concurrencylab.debug.ThreadDump}: a JSON thread dump of this JVM, parsed.</li>
 *   <li>{@link concurrencylab.debug.DumpContainer}: a thread container (a scope, an executor)
 *       with its threads and child containers, rendered as a text or HTML tree.</li>
 *   <li>{@link concurrencylab.debug.DumpedThread}: one thread of a dump.</li>
 * </ul>
 *
 * <h2>Flight recorder</h2>
 * <ul>
 *   <li>{@link concurrencylab.debug.JfrProbe}: records a block with a JFR
 *       {@code RecordingStream}.</li>
 *   <li>{@link concurrencylab.debug.JfrSummary}: pinning, submit failures, monitor waits,
 *       parks and hot methods, as tables and a chart.</li>
 *   <li>{@link concurrencylab.debug.JfrWorkloads}: workloads that pin a virtual thread (a native
 *       frame) and that no longer do ({@code synchronized}, JEP 491).</li>
 * </ul>
 *
 * <h2>Structure, hangs and deadlocks</h2>
 * <ul>
 *   <li>{@link concurrencylab.debug.NurseryDemo} and {@link concurrencylab.debug.NurseryRun}:
 *       {@code StructuredTaskScope} as a nursery against orphans on {@code CompletableFuture}.</li>
 *   <li>{@link concurrencylab.debug.HangingPoolDemo}: a pool hung for want of a timeout,
 *       found with a thread dump.</li>
 *   <li>{@link concurrencylab.debug.PlantedDeadlock} and
 *       {@link concurrencylab.debug.DeadlockFinder}: a lock-ordering deadlock, found by
 *       {@code ThreadMXBean} and then ended.</li>
 *   <li>{@link concurrencylab.debug.Whereabouts}: which process, thread and carrier ran what.</li>
 * </ul>
 */
package concurrencylab.debug;
