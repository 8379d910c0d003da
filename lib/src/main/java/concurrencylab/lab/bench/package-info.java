/**
 * Benchmarks of the execution models: the same work run sequentially, on a platform pool, on
 * virtual threads and in a process pool, timed, charted and set beside a reference run; and the
 * measurements behind {@code ./course bench}. Part of the lab around the library students read.
 *
 * <h2>Harness (notebook {@code 07.1-No-GIL})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.bench.BenchWorkload}: what runs (primes, SHA-256, sleeps, or your
 *       own CPU or I/O tasks).</li>
 *   <li>{@link concurrencylab.lab.bench.BenchModel}: sequential, or an executor kind with its workers.</li>
 *   <li>{@link concurrencylab.lab.bench.BenchSpec}: workload, models, warm-up, repeats, timeout; validated.</li>
 *   <li>{@link concurrencylab.lab.bench.BenchHarness}: runs a spec, returns a Tablesaw table with
 *       median, min, max, the ideal time (bound) and the speed-up.</li>
 *   <li>{@link concurrencylab.lab.bench.BenchStats}: the one place the lab computes its medians,
 *       minimums, maximums and quantiles.</li>
 * </ul>
 *
 * <h2>Results (notebook {@code 07.1-No-GIL})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.bench.BenchCharts}: bars, lines, and your run vs the reference.</li>
 *   <li>{@link concurrencylab.lab.bench.BenchCsv}: harness tables as CSV, read back with every line checked.</li>
 *   <li>{@link concurrencylab.lab.bench.BenchReference}: the reference runs in
 *       {@code datasets/reference/} (notebook {@code 07.2-Executors} loads them too).</li>
 *   <li>{@link concurrencylab.lab.bench.GilPicture}: two threads' timelines, Java measured, Python
 *       under the GIL's rule.</li>
 *   <li>{@link concurrencylab.lab.bench.ThreadFootprint}: memory per parked platform and virtual
 *       thread, measured.</li>
 *   <li>{@link concurrencylab.lab.bench.CoreShare}: how many cores this JVM gets right now.</li>
 * </ul>
 *
 * <h2>The measurements of {@code ./course bench} (their mains are in {@code concurrencylab.cli})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.bench.CpuBench} ({@code cpu}): primes and SHA-256 on the four
 *       models, a worker sweep, and the verdict against the targets.</li>
 *   <li>{@link concurrencylab.lab.bench.IoBench} ({@code io}): 10,000 and 1,000,000 sleeping
 *       virtual threads, a 200-thread pool, memory per thread.</li>
 *   <li>{@link concurrencylab.lab.bench.JmhBench} ({@code jmh}): runs the JMH microbenchmarks of
 *       {@link concurrencylab.lab.bench.ReferenceMicrobench}.</li>
 *   <li>{@link concurrencylab.lab.bench.ProcessPoolBench} ({@code processes}): what a worker JVM
 *       costs and what it buys.</li>
 * </ul>
 */
package concurrencylab.lab.bench;
