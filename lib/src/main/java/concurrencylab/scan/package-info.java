/**
 * A TCP connect port scanner on {@code StructuredTaskScope} and virtual threads: exact (open
 * only when a different endpoint accepted; self-connects discarded; filtered distinct from
 * closed), bounded (a concurrency limit, a per-connect timeout that never counts waiting, a
 * deadline on the whole scan), and safe (loopback only unless the caller opts in; scanning hosts
 * you do not own is not allowed). Introduced in notebook {@code 07.6-Port-Scanner}; the homework
 * ({@code 07.8-Homework}) compares the three variants.
 *
 * <h2>What to scan</h2>
 * <ul>
 *   <li>{@link concurrencylab.scan.PortSpec}: validated ports and ranges such as {@code 1-1024,8080}.</li>
 *   <li>{@link concurrencylab.scan.ScanRequest}: host, ports, concurrency, connect timeout, the remote opt-in.</li>
 * </ul>
 *
 * <h2>Scanners (same work, three concurrency APIs)</h2>
 * <ul>
 *   <li>{@link concurrencylab.scan.PortScanner}: the contract.</li>
 *   <li>{@link concurrencylab.scan.StructuredPortScanner}: the main one, {@code StructuredTaskScope}.</li>
 *   <li>{@link concurrencylab.scan.FuturePortScanner}: {@code CompletableFuture}.</li>
 *   <li>{@link concurrencylab.scan.ExecutorPortScanner}: a plain {@code ExecutorService}.</li>
 *   <li>{@link concurrencylab.scan.ScanVariant}: the three, by name.</li>
 * </ul>
 *
 * <h2>Results</h2>
 * <ul>
 *   <li>{@link concurrencylab.scan.ScanResult}, {@link concurrencylab.scan.PortState}: what was found.</li>
 *   <li>{@link concurrencylab.scan.ScanListener}: open ports as they are found (the signature line).</li>
 *   <li>{@link concurrencylab.scan.ScanAbortedException}: a scan that failed or ran past its deadline.</li>
 * </ul>
 *
 * <h2>How a port is probed</h2>
 * <ul>
 *   <li>{@link concurrencylab.scan.Connector}: probes one port; the seam tests substitute.</li>
 *   <li>{@link concurrencylab.scan.NativeConnector}: Linux, through the Foreign Function &amp;
 *       Memory API, a socket reused from port to port; {@link concurrencylab.scan.NioConnector}:
 *       a {@code SocketChannel} everywhere else.</li>
 *   <li>{@link concurrencylab.scan.ScanRequest} decides which hosts may be scanned (loopback,
 *       by {@link concurrencylab.tasks.Loopback}, unless the caller opts in);
 *       {@link concurrencylab.scan.ScanThreads}: the scanners' default virtual threads.</li>
 * </ul>
 *
 * <p>Package-private: {@code Sweep}, the work the three scanners share.
 *
 * <p>Around this package, not part of it: the lab's listeners to find and experiments
 * ({@code concurrencylab.lab.ports}: {@code PlantedListeners}, {@code SilentListeners},
 * {@code ScanExperiment}, {@code ScanRace}), and the commands ({@code concurrencylab.cli}:
 * {@code ScanCli} is {@code ./course scan}, {@code ScanBenchmark} is {@code ./course bench scan}).
 */
package concurrencylab.scan;
