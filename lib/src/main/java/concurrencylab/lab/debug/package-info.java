/**
 * The debugging toolbox: find what leaked, what is stuck, what is pinned and what is hot.
 * Introduced in notebook {@code 07.5-Debugging-Toolbox}; {@link concurrencylab.lab.debug.LeakCheck}
 * also ends every notebook, through {@code lesson.finish()} and
 * {@link concurrencylab.lab.debug.LessonLeakWatch}. Part of the lab around the library students
 * read.
 *
 * <h2>Leaks</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.debug.LeakCheck}: a baseline of threads (platform and virtual),
 *       child processes and listening ports; reports what a block left behind.</li>
 *   <li>{@link concurrencylab.lab.debug.LeakReport}: that report, as text or a table.</li>
 *   <li>{@link concurrencylab.lab.debug.LessonLeakWatch}: {@code LeakCheck} as the
 *       {@code concurrencylab.notebook.LeakWatch} a lesson uses (registered in
 *       {@code META-INF/services}).</li>
 *   <li>{@link concurrencylab.lab.debug.JvmListeningPorts}: this JVM's listening TCP ports (Linux).</li>
 * </ul>
 *
 * <h2>Thread dumps with virtual threads</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.debug.ThreadDump}: a JSON thread dump of this JVM, parsed.</li>
 *   <li>{@link concurrencylab.lab.debug.DumpContainer}: a thread container (a scope, an executor)
 *       with its threads and child containers, rendered as a text or HTML tree.</li>
 *   <li>{@link concurrencylab.lab.debug.DumpedThread}: one thread of a dump.</li>
 * </ul>
 *
 * <h2>Flight recorder</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.debug.JfrProbe}: records a block with a JFR
 *       {@code RecordingStream}.</li>
 *   <li>{@link concurrencylab.lab.debug.JfrSummary}: pinning, submit failures, monitor waits,
 *       parks and hot methods, as tables and a chart.</li>
 *   <li>{@link concurrencylab.lab.debug.JfrWorkloads}: workloads that pin a virtual thread (a native
 *       frame) and that no longer do ({@code synchronized}, JEP 491).</li>
 * </ul>
 *
 * <h2>Deadlocks</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.debug.PlantedDeadlock} and
 *       {@link concurrencylab.lab.debug.DeadlockFinder}: a lock-ordering deadlock, found by
 *       {@code ThreadMXBean} and then ended.</li>
 * </ul>
 *
 * <p>Package-private: {@code DumpRenderer}, a container tree as text or HTML. The notebook's
 * other debugging demos (the nursery, the hanging pool) are in {@code concurrencylab.lab.pitfalls};
 * {@code ExecutionSite} (which process, thread and carrier) is in {@code concurrencylab.tasks}.
 */
package concurrencylab.lab.debug;
