/**
 * Benchmarks of the execution models: the same work run sequentially, on a platform pool, on
 * virtual threads and in a process pool, timed, charted and set beside a reference run.
 *
 * <h2>Harness (notebook {@code 07.1-No-GIL})</h2>
 * <ul>
 *   <li>{@link concurrencylab.bench.BenchWorkload}: what runs (primes, SHA-256, sleeps, or your own CPU or I/O tasks).</li>
 *   <li>{@link concurrencylab.bench.BenchModel}: sequential, or an executor kind with its workers.</li>
 *   <li>{@link concurrencylab.bench.BenchSpec}: workload, models, warm-up, repeats, timeout; validated.</li>
 *   <li>{@link concurrencylab.bench.BenchHarness}: runs a spec, returns a Tablesaw table with
 *       median, min, max, the ideal time (bound) and the speed-up.</li>
 *   <li>{@link concurrencylab.bench.BenchStats}: median, min and max of a few runs.</li>
 * </ul>
 *
 * <h2>Results</h2>
 * <ul>
 *   <li>{@link concurrencylab.bench.BenchCharts}: bars, lines, and your run vs the reference.</li>
 *   <li>{@link concurrencylab.bench.BenchCsv}: harness tables as CSV, read back with every line checked.</li>
 *   <li>{@link concurrencylab.bench.BenchReference}: the reference runs in {@code datasets/reference/}.</li>
 *   <li>{@link concurrencylab.bench.GilPicture}: two threads' timelines, Java measured, Python under the GIL's rule.</li>
 *   <li>{@link concurrencylab.bench.ThreadFootprint}: memory per parked platform and virtual thread, measured.</li>
 *   <li>{@link concurrencylab.bench.CoreShare}: how many cores this JVM gets right now.</li>
 * </ul>
 *
 * <h2>Command-line benchmarks ({@code ./course bench NAME})</h2>
 * <ul>
 *   <li>{@link concurrencylab.bench.CpuBenchmark} ({@code cpu}): primes and SHA-256 on the four models, and a worker sweep.</li>
 *   <li>{@link concurrencylab.bench.IoBenchmark} ({@code io}): 10,000 and 1,000,000 sleeping virtual
 *       threads, a 200-thread pool, memory per thread.</li>
 *   <li>{@link concurrencylab.bench.JmhBenchmark} ({@code jmh}): runs the JMH microbenchmarks of
 *       {@link concurrencylab.bench.ReferenceMicrobench}.</li>
 * </ul>
 */
package concurrencylab.bench;
