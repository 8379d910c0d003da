/**
 * Something for the port scanner to find, and the experiments around it. Introduced in notebook
 * {@code 07.6-Port-Scanner}; the scanner itself is {@code concurrencylab.scan}, in the library
 * students read. Part of the lab around that library.
 *
 * <h2>Ports to scan (notebook {@code 07.6-Port-Scanner}; the homework's tests)</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.ports.PlantedListeners}: open ports to find, on loopback.</li>
 *   <li>{@link concurrencylab.lab.ports.SilentListeners}: ports that never answer (filtered).</li>
 * </ul>
 *
 * <h2>Experiments (notebook {@code 07.6-Port-Scanner})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.ports.ScanExperiment}: the three scanner variants side by side;
 *       the concurrency limit against the per-connect timeout.</li>
 * </ul>
 *
 * <h2>The race against nmap ({@code ./course bench scan})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.ports.ScanRace}: our scanner against {@code nmap -sT} on
 *       127.0.0.1, every run checked for exactly the planted ports.</li>
 *   <li>{@link concurrencylab.lab.ports.NmapRunner}: runs nmap and parses its output;
 *       {@link concurrencylab.lab.ports.CourseScanRunner}: runs {@code ./course scan} as a whole
 *       process, as a user does.</li>
 *   <li>{@link concurrencylab.lab.ports.ListeningPorts} and
 *       {@link concurrencylab.lab.ports.ListenerWatch}: the machine's listening ports, read once,
 *       sampled during a run or read at its ends, to tell another program's listener from a
 *       scanner's mistake.</li>
 * </ul>
 */
package concurrencylab.lab.ports;
