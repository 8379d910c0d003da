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
 * <h2>Something to scan, experiments, tools</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.ports.PlantedListeners}: open ports to find.</li>
 *   <li>{@link concurrencylab.lab.ports.SilentListeners}: ports that never answer (filtered).</li>
 *   <li>{@link concurrencylab.lab.ports.ScanExperiment}: variants side by side; concurrency x timeout chart.</li>
 *   <li>{@link concurrencylab.cli.ScanCli}: {@code ./course scan}.</li>
 *   <li>{@link concurrencylab.cli.ScanBenchmark}: {@code ./course bench scan}, the race against nmap.</li>
 * </ul>
 */
package concurrencylab.scan;

import concurrencylab.cli.ScanBenchmark;
import concurrencylab.cli.ScanCli;
import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.lab.ports.ScanExperiment;
import concurrencylab.lab.ports.SilentListeners;
