/**
 * The entry points: every main that {@code ./course} runs. A main parses its arguments with the
 * one parser, {@code CommandLine} (clear errors saying what was wrong and what is accepted,
 * {@code --help} everywhere), calls the lab package that measures, then prints and writes its
 * CSV. Nothing in the library or the lab depends on this package.
 *
 * <h2>{@code ./course bench NAME} (notebook {@code 07.1-No-GIL} introduces the benchmarks)</h2>
 * <ul>
 *   <li>{@link concurrencylab.cli.Bench}: the registry, NAME to main and JVM flags; {@code ./course
 *       bench --help} lists it.</li>
 *   <li>{@link concurrencylab.cli.CpuBenchmark} ({@code cpu}), {@link concurrencylab.cli.IoBenchmark}
 *       ({@code io}), {@link concurrencylab.cli.JmhBenchmark} ({@code jmh}),
 *       {@link concurrencylab.cli.ProcessPoolBenchmark} ({@code processes}): their measuring is in
 *       {@code concurrencylab.lab.bench}.</li>
 *   <li>{@link concurrencylab.cli.DownloadsBenchmark} ({@code downloads}, notebook
 *       {@code 07.2-Executors}): {@code concurrencylab.lab.downloads}.</li>
 *   <li>{@link concurrencylab.cli.ServerBenchmark} ({@code server}): {@code concurrencylab.lab.server}.</li>
 *   <li>{@link concurrencylab.cli.ScanBenchmark} ({@code scan}, notebook {@code 07.6-Port-Scanner}):
 *       {@code concurrencylab.lab.ports}.</li>
 * </ul>
 *
 * <h2>{@code ./course scan} (notebook {@code 07.6-Port-Scanner})</h2>
 * <ul>
 *   <li>{@link concurrencylab.cli.ScanCli}: scans ports of a loopback host with
 *       {@code concurrencylab.scan}, as text or JSON.</li>
 * </ul>
 *
 * <h2>Setup</h2>
 * <ul>
 *   <li>{@link concurrencylab.cli.WorkerCacheTraining}: records the process pool workers' AOT
 *       cache ({@code kernel-setup/build-aot.sh}, run by {@code ./course setup}).</li>
 * </ul>
 *
 * <p>Package-private: {@code CommandLine}, the one argument parser.
 */
package concurrencylab.cli;
