package concurrencylab.lab.ports;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.scan.NativeConnector;
import concurrencylab.scan.PortScanner;
import concurrencylab.scan.PortSpec;
import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Our scanner against {@code nmap -sT -n -T5} on 127.0.0.1, ports 1-1024 and 1-65535, in
 * alternation ({@code ./course bench scan}): in this JVM, and as a whole process the way a user
 * runs it ({@code ./course scan}, launcher and JVM start included, beside nmap's whole process).
 * {@snippet :
 * ScanRace.Outcome o = ScanRace.run(5, "nmap", Path.of("./course"), System.out);   // prints as it goes
 * Files.write(Path.of("build/bench/scan.csv"), o.csv());
 * }
 *
 * <p>Before planting, it records which ports already listen on the machine (port
 * {@value #RESERVED_PORT} always among them) and leaves them out of both scanners' ranges. It
 * then plants listeners (some below 1024 when allowed, some high), warms our scanner up, and
 * races twice, each tool N times per range, one run of each in turn: first as whole processes
 * ({@code ./course scan} and nmap, timed from start to exit, while this JVM does nothing else),
 * then, after warming our scanner up, ours in this JVM against nmap's own time; every run is
 * checked to have found exactly the planted ports: any
 * other open port must belong to a listener of another program (seen in {@code /proc/net/tcp}),
 * never a mistake. It prints the medians and their ratios against the goals (in this JVM, all
 * ports: at most 0.5 x nmap's own time, 1-1024: at most nmap's; as whole processes, all ports:
 * at most {@value #PROCESS_GOAL} x nmap's process). Without nmap it still times our scanner and
 * says so; without the launcher it leaves out the whole-process runs.
 * Listeners are sampled every 20 ms during each in-JVM run and nmap's ({@link ListenerWatch}), so
 * another program's short-lived listener is told apart from a port reported open with nobody
 * listening (a self-connect); around a whole-process run they are read before and after only.
 *
 * <p>Thread safety: one race per instance, run on the calling thread; {@link #run} makes its own.
 */
public final class ScanRace {
    /** A port never scanned: it belongs to the machine's own tooling. */
    public static final int RESERVED_PORT = 2024;
    private static final String[] RANGES = {"1-1024", "1-65535"};
    private static final double[] GOALS = {1.0, 0.5};
    /** The goal for {@code ./course scan} of all ports as a whole process, against nmap's whole process. */
    public static final double PROCESS_GOAL = 0.3;

    /**
     * What a race found.
     *
     * @param csv        the lines of scan.csv, header first
     * @param oursExact  whether every run of our scanner found exactly the planted ports
     * @param nmapExact  the same for nmap (true when nmap was not run)
     * @param nmapRan    whether nmap was found and timed
     */
    public record Outcome(List<String> csv, boolean oursExact, boolean nmapExact, boolean nmapRan) {
    }

    private final PrintStream out;
    private final List<String> csv = new ArrayList<>();
    private final Set<Integer> baseline;
    private final NmapRunner nmap;
    private final CourseScanRunner course;
    private boolean oursExact = true;
    private boolean nmapExact = true;

    private ScanRace(PrintStream out, Set<Integer> baseline, NmapRunner nmap, CourseScanRunner course) {
        this.out = out;
        this.baseline = baseline;
        this.nmap = nmap;
        this.course = course;
        csv.add("tool,range,run,seconds,nmap_wall_seconds,open_found,planted_found,planted,foreign,exact");
    }

    /**
     * Runs the race: {@code runs} runs per tool and range, printing as it goes to {@code out}.
     *
     * @param nmapPath the nmap executable; if it cannot be run, only our scanner is timed
     * @param launcher  the course launcher ({@code ./course}); if it is not an executable file, the
     *                  whole-process runs are left out
     * @throws IOException if the listeners cannot be planted, nmap fails or {@code ./course scan} fails
     * @throws InterruptedException if interrupted during a scan
     */
    public static Outcome run(int runs, String nmapPath, Path launcher, PrintStream out)
            throws IOException, InterruptedException {
        Set<Integer> baseline = baseline();
        NmapRunner nmap = new NmapRunner(nmapPath);
        String version = nmap.version();
        out.printf("scan benchmark: 127.0.0.1, %d runs per tool and range, JDK %s, %d cores, probe: %s%n", runs,
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                NativeConnector.usable() ? "native (FFM, socket reused after each refusal)" : "NIO SocketChannel");
        out.println("left out of both scans (already listening before planting): " + baseline);
        out.println(version == null ? "nmap: not found (" + nmapPath + "); timing our scanner only."
                + " Install it (apt-get install nmap) for the race." : "nmap: " + version);
        CourseScanRunner course = new CourseScanRunner(launcher);
        out.println(course.available() ? "whole process: " + launcher + " scan --ports RANGE 127.0.0.1, start to exit"
                : "whole process: no launcher at " + launcher + "; leaving out the whole-process runs");
        ScanRace race = new ScanRace(out, baseline, version == null ? null : nmap, course.available() ? course : null);
        try (PlantedListeners planted = PlantedListeners.open(3, 5)) {
            out.println("planted listeners: " + planted.ports()
                    + (planted.lowSkipped() ? " (low ports skipped: not root)" : ""));
            race.race(planted.ports(), runs);
        }
        return new Outcome(List.copyOf(race.csv), race.oursExact, race.nmapExact, version != null);
    }

    private void race(List<Integer> planted, int runs) throws IOException, InterruptedException {
        String excluded = baseline.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (course != null) {
            processRace(planted, runs, excluded);
        }
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
        double m = BenchStats.median(ours);
        csv.add(String.format(Locale.ROOT, "ours,%s,median,%.4f,,,,,,", range, m));
        out.printf(Locale.ROOT, "%-8s ours  median %.3f s  min %.3f  max %.3f  (first, cold JIT: %.3f s)%n",
                range, m, BenchStats.of(ours).minMs(), BenchStats.of(ours).maxMs(), cold);
        if (theirs == null) {
            out.printf("%-8s nmap  skipped (not installed)%n", range);
            return;
        }
        double n = BenchStats.median(theirs);
        double ratio = m / n;
        csv.add(String.format(Locale.ROOT, "nmap,%s,median,%.4f,,,,,,", range, n));
        csv.add(String.format(Locale.ROOT, "ratio,%s,median,%.4f,,,,,,", range, ratio));
        out.printf(Locale.ROOT, "%-8s nmap  median %.3f s  min %.3f  max %.3f  (nmap's own 'scanned in' time;"
                + " process wall median %.3f s)%n", range, n, BenchStats.of(theirs).minMs(), BenchStats.of(theirs).maxMs(), BenchStats.median(theirWall));
        out.printf(Locale.ROOT, "%-8s ratio ours/nmap %.2f  goal <= %.2f: %s%n", range, ratio, goal,
                ratio <= goal ? "met" : "MISSED");
    }

    /** The tool names of the whole-process rows. */
    public static final String PROCESS = "ours-process";
    public static final String NMAP_PROCESS = "nmap-process";

    /** Whole processes, alternating: {@code ./course scan}, then nmap, {@code runs} times per range. */
    private void processRace(List<Integer> planted, int runs, String excluded) throws IOException, InterruptedException {
        for (int r = 0; r < RANGES.length; r++) {
            PortSpec ports = requestedPorts(r);
            List<Integer> expected = planted.stream().filter(ports::contains).toList();
            double[] process = new double[runs];
            double[] theirWall = new double[runs];
            for (int i = 0; i < runs; i++) {
                try (ListenerWatch watch = ListenerWatch.atEnds()) {
                    CourseScanRunner.Run run = course.scan(ports);
                    watch.close();
                    process[i] = run.wallSeconds();
                    oursExact &= check(PROCESS, RANGES[r], i + 1, process[i], Double.NaN, run.open(), expected,
                            watch.seen());
                }
                if (nmap != null) {
                    try (ListenerWatch watch = ListenerWatch.atEnds()) {
                        NmapRunner.Run run = nmap.scan(RANGES[r], excluded);
                        watch.close();
                        theirWall[i] = run.wallSeconds();
                        nmapExact &= check(NMAP_PROCESS, RANGES[r], i + 1, theirWall[i], theirWall[i],
                                List.copyOf(run.open()), expected, watch.seen());
                    }
                }
            }
            reportProcess(RANGES[r], r == RANGES.length - 1 ? PROCESS_GOAL : Double.NaN, process,
                    nmap == null ? null : theirWall);
        }
    }

    private void reportProcess(String range, double goal, double[] process, double[] theirWall) {
        double m = BenchStats.median(process);
        csv.add(String.format(Locale.ROOT, "%s,%s,median,%.4f,,,,,,", PROCESS, range, m));
        out.printf(Locale.ROOT, "%-8s ours  whole process (./course scan) median %.3f s  min %.3f  max %.3f%n", range, m,
                BenchStats.of(process).minMs(), BenchStats.of(process).maxMs());
        if (theirWall == null) {
            return;
        }
        double n = BenchStats.median(theirWall);
        double ratio = m / n;
        csv.add(String.format(Locale.ROOT, "%s,%s,median,%.4f,,,,,,", NMAP_PROCESS, range, n));
        csv.add(String.format(Locale.ROOT, "ratio-process,%s,median,%.4f,,,,,,", range, ratio));
        out.printf(Locale.ROOT, "%-8s nmap  whole process median %.3f s  min %.3f  max %.3f%n", range, n,
                BenchStats.of(theirWall).minMs(), BenchStats.of(theirWall).maxMs());
        out.printf(Locale.ROOT, "%-8s ratio of whole processes, ours/nmap %.2f%s%n", range, ratio,
                Double.isNaN(goal) ? "" : String.format(Locale.ROOT, "  goal <= %.2f: %s", goal,
                        ratio <= goal ? "met" : "MISSED"));
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

}
