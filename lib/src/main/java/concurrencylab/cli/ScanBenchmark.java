package concurrencylab.cli;

import concurrencylab.lab.ports.ListenerWatch;
import concurrencylab.lab.ports.ListeningPorts;
import concurrencylab.lab.ports.NmapRunner;
import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.scan.NativeConnector;
import concurrencylab.scan.PortScanner;
import concurrencylab.scan.PortSpec;
import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./course bench scan [--out DIR] [--runs N] [--nmap PATH]}: our scanner against
 * {@code nmap -sT -n -T5} on 127.0.0.1, ports 1-1024 and 1-65535, in alternation.
 *
 * <p>Before planting, it records which ports already listen on the machine (port 2024 always
 * among them) and leaves them out of both scanners' ranges. It then plants listeners (some below
 * 1024 when allowed, some high), warms our scanner up, and runs each tool N times per range,
 * checking every run found exactly the planted ports: any other open port must belong to a
 * listener of another program (seen in {@code /proc/net/tcp}), never a mistake. It prints both
 * medians and their ratio against the goals (all ports: at most 0.5 x nmap; 1-1024: at most
 * nmap) and writes {@code DIR/scan.csv}. Without nmap it still times our scanner and says so.
 * Listeners are sampled every 20 ms during each run, so another program's short-lived listener
 * is told apart from a port reported open with nobody listening (a self-connect).
 * Exit status: 0 done, 1 one of our runs found the wrong ports, 2 bad arguments.
 */
public final class ScanBenchmark {
    static final int RESERVED_PORT = 2024;
    private static final String[] RANGES = {"1-1024", "1-65535"};
    private static final double[] GOALS = {1.0, 0.5};

    private final PrintStream out;
    private final List<String> csv = new ArrayList<>();
    private final Set<Integer> baseline;
    private final NmapRunner nmap;
    private boolean oursExact = true;
    private boolean nmapExact = true;

    private ScanBenchmark(PrintStream out, Set<Integer> baseline, NmapRunner nmap) {
        this.out = out;
        this.baseline = baseline;
        this.nmap = nmap;
        csv.add("tool,range,run,seconds,nmap_wall_seconds,open_found,planted_found,planted,foreign,exact");
    }

    /** Runs the benchmark; see the class comment for arguments and exit status. */
    public static void main(String[] args) throws Exception {
        ScanBenchmarkArgs parsed;
        try {
            parsed = ScanBenchmarkArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench scan: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(ScanBenchmarkArgs.USAGE);
            return;
        }
        if (!NativeConnector.usable() && NativeConnector.platformSupported() && System.getProperty(RELAUNCHED) == null) {
            System.exit(relaunchWithNativeAccess(args));
        }
        System.exit(run(parsed, System.out));
    }

    private static final String RELAUNCHED = "concurrencylab.scan.relaunched";

    /**
     * Runs this benchmark again in a child JVM with {@code --enable-native-access=ALL-UNNAMED},
     * so the scanner can use its native probe; returns the child's exit status.
     */
    private static int relaunchWithNativeAccess(String[] args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-preview", "--enable-native-access=ALL-UNNAMED",
                "-D" + RELAUNCHED + "=true", "-cp", System.getProperty("java.class.path"),
                ScanBenchmark.class.getName()));
        cmd.addAll(List.of(args));
        System.out.println("(re-running in a JVM with --enable-native-access=ALL-UNNAMED for the native probe)");
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        try {
            if (!child.waitFor(30, TimeUnit.MINUTES)) {
                System.err.println("bench scan: the benchmark JVM did not finish within 30 minutes; stopped it");
                return 1;
            }
            return child.exitValue();
        } finally {
            child.destroy();
        }
    }

    static int run(ScanBenchmarkArgs args, PrintStream out) throws IOException, InterruptedException {
        Set<Integer> baseline = baseline();
        NmapRunner nmap = new NmapRunner(args.nmap());
        String version = nmap.version();
        out.printf("scan benchmark: 127.0.0.1, %d runs per tool and range, JDK %s, %d cores, probe: %s%n", args.runs(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                NativeConnector.usable() ? "native (FFM, socket reused after each refusal)" : "NIO SocketChannel");
        out.println("left out of both scans (already listening before planting): " + baseline);
        out.println(version == null ? "nmap: not found (" + args.nmap() + "); timing our scanner only."
                + " Install it (apt-get install nmap) for the race." : "nmap: " + version);
        ScanBenchmark bench = new ScanBenchmark(out, baseline, version == null ? null : nmap);
        try (PlantedListeners planted = PlantedListeners.open(3, 5)) {
            out.println("planted listeners: " + planted.ports()
                    + (planted.lowSkipped() ? " (low ports skipped: not root)" : ""));
            bench.race(planted.ports(), args.runs());
        }
        Files.createDirectories(args.out());
        Path file = args.out().resolve("scan.csv");
        Files.write(file, bench.csv);
        out.println("wrote " + file);
        out.println("exact in every run: ours " + (bench.oursExact ? "yes" : "NO")
                + (version == null ? "" : ", nmap " + (bench.nmapExact ? "yes" : "no (an open port with no listener"
                        + " is most likely nmap connecting to itself)")));
        return bench.oursExact ? 0 : 1;
    }

    private void race(List<Integer> planted, int runs) throws IOException, InterruptedException {
        String excluded = baseline.stream().map(String::valueOf).collect(Collectors.joining(","));
        double[] cold = warmUp();
        for (int r = 0; r < RANGES.length; r++) {
            PortSpec ports = requestedPorts(r);
            ScanRequest request = ScanRequest.loopback(ports);
            List<Integer> expected = planted.stream().filter(ports::contains).toList();
            double[] ours = new double[runs];
            double[] theirs = new double[runs];
            double[] theirWall = new double[runs];
            for (int i = 0; i < runs; i++) {
                ScanResult result;
                try (ListenerWatch watch = new ListenerWatch()) {
                    result = PortScanner.structured().scan(request);
                    watch.close();
                    ours[i] = seconds(result);
                    oursExact &= check("ours", RANGES[r], i + 1, ours[i], Double.NaN, result.open(), expected,
                            watch.seen());
                }
                if (nmap != null) {
                    try (ListenerWatch watch = new ListenerWatch()) {
                        NmapRunner.Run run = nmap.scan(RANGES[r], excluded);
                        watch.close();
                        theirs[i] = run.reportedSeconds();
                        theirWall[i] = run.wallSeconds();
                        nmapExact &= check("nmap", RANGES[r], i + 1, theirs[i], run.wallSeconds(),
                                List.copyOf(run.open()), expected, watch.seen());
                    }
                }
            }
            report(RANGES[r], GOALS[r], cold[r], ours, nmap == null ? null : theirs, theirWall);
        }
    }

    private PortSpec requestedPorts(int range) {
        return PortSpec.parse(RANGES[range]).without(baseline.stream().mapToInt(i -> i).toArray());
    }

    /**
     * Brings the JIT to steady state (nmap is native code; a JVM's first scans run interpreted):
     * each range once cold (timed and reported), then about 200,000 more probes, untimed.
     */
    private double[] warmUp() throws InterruptedException {
        double[] cold = new double[RANGES.length];
        for (int r = 0; r < RANGES.length; r++) {
            cold[r] = seconds(PortScanner.structured().scan(ScanRequest.loopback(requestedPorts(r))));
        }
        for (int i = 0; i < 2; i++) {
            PortScanner.structured().scan(ScanRequest.loopback(requestedPorts(1)));
        }
        for (int i = 0; i < 50; i++) {
            PortScanner.structured().scan(ScanRequest.loopback(requestedPorts(0)));
        }
        return cold;
    }

    /**
     * Records one run; returns whether it found every planted port and nothing else except
     * ports another program was seen listening on during the run.
     */
    private boolean check(String tool, String range, int run, double secs, double wall, List<Integer> found,
            List<Integer> expected, Set<Integer> listening) {
        Set<Integer> foreign = new TreeSet<>(found);
        expected.forEach(foreign::remove);
        boolean explained = listening.isEmpty() ? foreign.isEmpty() : listening.containsAll(foreign);
        boolean exact = found.containsAll(expected) && explained;
        long plantedFound = expected.stream().filter(found::contains).count();
        csv.add(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%s,%d,%d,%d,%s,%b", tool, range, run, secs,
                Double.isNaN(wall) ? "" : String.format(Locale.ROOT, "%.4f", wall), found.size(), plantedFound,
                expected.size(), foreign.stream().map(String::valueOf).collect(Collectors.joining(" ")), exact));
        if (!exact) {
            Set<Integer> unexplained = new TreeSet<>(foreign);
            unexplained.removeAll(listening);
            Set<Integer> missed = new TreeSet<>(expected);
            found.forEach(missed::remove);
            out.printf("  %s %s run %d: NOT EXACT: missed %s, reported open with no listener seen %s%n",
                    tool, range, run, missed, unexplained);
        }
        return exact;
    }

    private void report(String range, double goal, double cold, double[] ours, double[] theirs, double[] theirWall) {
        double m = median(ours);
        csv.add(String.format(Locale.ROOT, "ours,%s,median,%.4f,,,,,,", range, m));
        out.printf(Locale.ROOT, "%-8s ours  median %.3f s  min %.3f  max %.3f  (first, cold JIT: %.3f s)%n",
                range, m, min(ours), max(ours), cold);
        if (theirs == null) {
            out.printf("%-8s nmap  skipped (not installed)%n", range);
            return;
        }
        double n = median(theirs);
        double ratio = m / n;
        csv.add(String.format(Locale.ROOT, "nmap,%s,median,%.4f,,,,,,", range, n));
        csv.add(String.format(Locale.ROOT, "ratio,%s,median,%.4f,,,,,,", range, ratio));
        out.printf(Locale.ROOT, "%-8s nmap  median %.3f s  min %.3f  max %.3f  (nmap's own 'scanned in' time;"
                + " process wall median %.3f s)%n", range, n, min(theirs), max(theirs), median(theirWall));
        out.printf(Locale.ROOT, "%-8s ratio ours/nmap %.2f  goal <= %.2f: %s%n", range, ratio, goal,
                ratio <= goal ? "met" : "MISSED");
    }

    private static Set<Integer> baseline() throws InterruptedException {
        Set<Integer> ports = new TreeSet<>(listeningNow());
        if (ListeningPorts.snapshot().isEmpty()) { // no /proc: ask a scan instead (loopback only)
            ports.addAll(PortScanner.structured().scan(ScanRequest.loopback(PortSpec.all().without(RESERVED_PORT)))
                    .open());
        }
        ports.add(RESERVED_PORT);
        return ports;
    }

    private static Set<Integer> listeningNow() {
        return ListeningPorts.snapshot().orElse(Set.of());
    }

    private static double seconds(ScanResult r) {
        return r.elapsed().toNanos() / 1e9;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }
}
