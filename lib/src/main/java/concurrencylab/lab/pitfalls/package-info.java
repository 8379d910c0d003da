/**
 * The pitfalls, live and bounded: each demo makes one classic concurrency mistake on purpose,
 * shows what it costs, and ends within a deadline. Part of the lab around the library students
 * read.
 *
 * <h2>The pitfalls of notebook {@code 07.2-Executors}</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.pitfalls.MissingTimeoutDemo}: a request with no timeout hangs
 *       on a stalling server; with one it fails fast.</li>
 *   <li>{@link concurrencylab.lab.pitfalls.VanishingExceptionDemo}: an unread future hides its
 *       exception.</li>
 *   <li>{@link concurrencylab.lab.pitfalls.LostUpdateDemo}: shared non-thread-safe objects lose
 *       updates.</li>
 *   <li>{@link concurrencylab.lab.pitfalls.PoolSizing}: pool size against the Little's-law bound.</li>
 * </ul>
 *
 * <h2>Starvation (notebook {@code 07.3-Async-Model})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.pitfalls.StarvationDemo},
 *       {@link concurrencylab.lab.pitfalls.StarvationRun}: blocking joins inside a bounded pool
 *       (Java's "nested event loop"), bounded, and three fixes.</li>
 * </ul>
 *
 * <h2>Structure and hangs (notebook {@code 07.5-Debugging-Toolbox})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.pitfalls.NurseryDemo} and
 *       {@link concurrencylab.lab.pitfalls.NurseryRun}: {@code StructuredTaskScope} as a nursery
 *       against orphans on {@code CompletableFuture}.</li>
 *   <li>{@link concurrencylab.lab.pitfalls.HangingPoolDemo}: a pool hung for want of a timeout,
 *       found with a thread dump ({@code concurrencylab.lab.debug}).</li>
 * </ul>
 */
package concurrencylab.lab.pitfalls;
