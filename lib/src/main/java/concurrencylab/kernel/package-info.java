/**
 * The course kernel's cell bookkeeping: an interrupt stops what the cell started, and output
 * says which cell's thread printed it.
 *
 * <p>The kernel's startup ({@code concurrencylab.notebook.CourseKernel}) calls
 * {@link concurrencylab.kernel.JJavaHook#install()}. From
 * then on:
 * <ul>
 *   <li>Every thread a cell starts, directly or through an executor, a scope or the library,
 *       carries the cell's number ({@code CellLoader}, a context-class-loader tag that threads
 *       inherit); {@link concurrencylab.kernel.CellSession#threadOrigins()} lists them, and
 *       {@code lesson.finish()} and the thread dump show it.</li>
 *   <li>Interrupting a cell (■, or {@code I},{@code I}) interrupts the cell's threads, shuts
 *       down the executors it created, stops the process pools and lab servers it started and
 *       closes listening sockets it opened, waits up to
 *       {@link concurrencylab.kernel.CellSession#CLEANUP_BUDGET}, and prints one line
 *       ({@link concurrencylab.kernel.CleanupReport#line()}): what it stopped, and each thread
 *       that ignores interrupts, by name and place. What earlier cells started is left
 *       alone. What it cannot catch is listed on {@code CellCleanup}.</li>
 *   <li>Output printed while cell B runs by a thread of cell A is shown in B with a marker,
 *       {@code [cell 3 · pool-1-thread-2] ...}; why, see {@code CellOutput}.</li>
 *   <li>Library factories hand their resources to the running cell with
 *       {@link concurrencylab.kernel.CellSession#adopt}; {@code ProcessPool} and
 *       {@code LabServer} do.</li>
 * </ul>
 * Outside the kernel (unit tests, {@code ./course bench}) nothing is installed and every
 * static method is a no-op or returns an empty answer.
 */
package concurrencylab.kernel;
