package concurrencylab.lab.downloads;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.lab.server.BareResponder;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downloads of notebook 7.2, timed ({@code ./course bench downloads}): {@code downloads}
 * images at {@code latency} from a {@link LabServer}, four ways: a pool of 20 platform
 * threads, virtual threads all at once, virtual threads limited by a {@code Semaphore(10)},
 * and {@code HttpClient.sendAsync} all at once.
 * {@snippet :
 * DownloadsBench.Result r = DownloadsBench.run(200, Duration.ofMillis(100), 5,
 *         DownloadsBench.WARM_UP, DownloadsBench.SETTLE_MAX, null);   // null: the lab server in this JVM
 * System.out.print(DownloadsBench.table(r.rows(), 200, 100, 5));
 * }
 *
 * <p>The warm-up ({@link #warmUp}) runs every variant twice, then rounds of the all-at-once
 * variants for at least {@value #WARM_UP_ROUNDS} rounds and {@code warmUp}, then on until the
 * JIT has settled or {@code settleMax} more has passed; it opens the keep-alive connections
 * that every variant then shares (one {@link HttpClient} for all, as a real program would
 * keep). Then come {@code runs} measured runs, interleaved (run 1 of every variant, then run
 * 2, ...) so that a change in the machine's load shows in every variant alike. Each row has
 * the median, min and max, the bound {@code latency x ceil(downloads / concurrency)} (no
 * variant can beat it: each request waits the latency), median / bound, the median CPU time
 * the JVM (server and clients together) spent per run (on a machine shared with other work,
 * CPU time that has to wait for a core is what pushes a ratio up), and the median time from a
 * run's start until the server had admitted its last request (the arrival spread). The
 * target: every ratio at most {@value #TARGET_RATIO}.
 *
 * <p>With the lab server in this JVM, two peers are measured in the same interleaved runs: the
 * all-at-once variants, with the same client, against a {@link BareResponder} (bare sockets,
 * the same latency and bytes, one write per response). They are not targets; they show what
 * the machine itself costs above the bound, and the table ends with the lab server's share
 * (its median minus the peer's). With a server elsewhere ({@code base}, e.g. a
 * {@link concurrencylab.lab.server.LabServerJvm}) there are no peers and no arrival times.
 * Where the time of an all-at-once run goes, and how a server in a child JVM compared, is in
 * {@code datasets/reference/MACHINE.md}, section "Downloads".
 *
 * <p>Thread safety: stateless; each {@link #run} starts and closes its own server, client and
 * executors. Not for concurrent use: concurrent runs would share the cores they measure.
 */
public final class DownloadsBench {
    /** The target: each variant's median within this factor of its bound. */
    public static final double TARGET_RATIO = 1.10;
    /** Rounds of the all-at-once variants (peers included) run before anything is measured, at least. */
    public static final int WARM_UP_ROUNDS = 5;
    /**
     * How long those warm-up rounds go on, at least: the JIT goes on compiling the client's and
     * the server's paths for many rounds, and CPU per run falls as it does.
     */
    public static final Duration WARM_UP = Duration.ofSeconds(20);
    /** How much longer the warm-up may go on waiting for the JIT to settle. */
    public static final Duration SETTLE_MAX = Duration.ofSeconds(60);
    /** Rounds over which the JIT's compilation time is averaged to call it settled. */
    public static final int SETTLE_WINDOW = 10;
    /** Compilation time per warm-up round, in ms, at or below which the JIT counts as settled. */
    public static final double SETTLED_JIT_MS_PER_ROUND = 3.0;

    /** A download that failed during the benchmark: the figures would mean nothing. */
    public static final class FailedDownloads extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FailedDownloads(String message) {
            super(message);
        }
    }

    private DownloadsBench() {
    }

    /**
     * A way to download: its name, its concurrency, whether it starts every download at once
     * (the warm-up repeats those), whether it is a peer (measured for comparison, not a
     * target), the addresses it downloads, and how to run it once.
     */
    public record Variant(String name, int concurrency, boolean allAtOnce, boolean peer, List<URI> uris, Run run) {
        /** Downloads every address once. */
        public DownloadReport runOnce() {
            return run.download(uris);
        }
    }

    /** One way to download a list of addresses. */
    @FunctionalInterface
    public interface Run {
        DownloadReport download(List<URI> uris);
    }

    /**
     * One measured variant.
     *
     * @param variant     its name
     * @param concurrency requests in flight at most
     * @param seconds     each measured run's wall-clock seconds
     * @param boundSeconds latency x ceil(downloads / concurrency)
     * @param cpuSeconds  the CPU time this JVM (server and clients) spent in each run
     * @param lastArrivalSeconds each run's time until the server had admitted its last request
     *                    (NaN for a peer, or when the server ran in another JVM)
     * @param peer        whether it is a peer ({@link BareResponder}), measured for comparison only
     */
    public record Row(String variant, int concurrency, double[] seconds, double boundSeconds, double[] cpuSeconds,
               double[] lastArrivalSeconds, boolean peer) {
        /**
         * The median time from a run's start until the server had received its last request
         * (the arrival spread), in seconds; NaN for a peer or when the server ran in another JVM.
         */
        public double medianLastArrival() {
            return Arrays.stream(lastArrivalSeconds).anyMatch(Double::isNaN) ? Double.NaN
                    : BenchStats.median(lastArrivalSeconds);
        }

        /** The median CPU time this JVM (server and clients) spent per run, in seconds. */
        public double medianCpu() {
            return BenchStats.median(cpuSeconds);
        }

        /** The median of the measured runs, in seconds. */
        public double median() {
            return BenchStats.median(seconds);
        }

        /** The fastest measured run, in seconds. */
        public double min() {
            return BenchStats.of(seconds).minMs();
        }

        /** The slowest measured run, in seconds. */
        public double max() {
            return BenchStats.of(seconds).maxMs();
        }

        /** The median over the bound: 1.0 is as fast as the latency allows. */
        public double ratio() {
            return median() / boundSeconds;
        }
    }

    /** The measured rows, and how the warm-up before them went. */
    public record Result(List<Row> rows, WarmUp warmUp) {
    }

    /**
     * Runs every variant: a warm-up ({@link #warmUp}), then {@code runs} measured runs each;
     * against the lab server at {@code base} (another JVM), or, when it is null, a lab server
     * in this JVM.
     *
     * @throws FailedDownloads if a download of any run, warm-up included, failed
     */
    public static Result run(int downloads, Duration latency, int runs, Duration warmUp, Duration settleMax, URI base) {
        Duration timeout = latency.multipliedBy(20).plusSeconds(10);
        List<Row> rows = new ArrayList<>();
        WarmUp warm;
        LabConfig config = LabConfig.DEFAULTS.withLatency(latency);
        try (LabServer server = base == null ? LabServer.start(config) : null;
             BareResponder bare = base == null ? BareResponder.start(config, downloads) : null;
             HttpClient client = DownloadTask.newClient(timeout);
             ExecutorService pool = Executors.newFixedThreadPool(20);
             ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<URI> uris = new ArrayList<>(downloads);
            for (int i = 0; i < downloads; i++) {
                uris.add(server != null ? server.imageUri(i) : base.resolve("img/" + i));
            }
            List<Variant> variants = variants(uris, bare, client, timeout, pool, virtual);
            AtomicLong lastAdmitted = new AtomicLong();
            if (server != null) { // before the warm-up: installing it later would make the JIT recompile the server's path mid-run
                server.onAdmitted(() -> lastAdmitted.accumulateAndGet(System.nanoTime(), Math::max));
            }
            warm = warmUp(variants, warmUp, settleMax);
            double[][] seconds = new double[variants.size()][runs];
            double[][] cpu = new double[variants.size()][runs];
            double[][] lastArrival = new double[variants.size()][runs];
            for (int r = 0; r < runs; r++) { // interleaved, so a change in machine load hits every variant alike
                for (int i = 0; i < variants.size(); i++) {
                    long cpuBefore = processCpuNanos();
                    long runStart = System.nanoTime();
                    lastAdmitted.set(runStart);
                    DownloadReport report = variants.get(i).runOnce();
                    cpu[i][r] = (processCpuNanos() - cpuBefore) / 1e9;
                    lastArrival[i][r] = server == null || variants.get(i).peer() ? Double.NaN
                            : (lastAdmitted.get() - runStart) / 1e9;
                    check(variants.get(i), report);
                    seconds[i][r] = report.elapsed().toNanos() / 1e9;
                }
            }
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get(i);
                long rounds = (downloads + v.concurrency() - 1) / v.concurrency();
                rows.add(new Row(v.name(), v.concurrency(), seconds[i], latency.toNanos() * rounds / 1e9, cpu[i],
                        lastArrival[i], v.peer()));
            }
        }
        return new Result(rows, warm);
    }

    /**
     * The four variants on {@code uris}, and with a {@code bare} responder the two peers: the
     * same client and downloads against the least an HTTP server can do.
     */
    private static List<Variant> variants(List<URI> uris, BareResponder bare, HttpClient client, Duration timeout,
            ExecutorService pool, ExecutorService virtual) {
        int downloads = uris.size();
        Run virtualThreads = Downloader.on(virtual).withClient(client).withRequestTimeout(timeout)::download;
        Run async = AsyncDownloader.using(client).withRequestTimeout(timeout)::download;
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("thread pool (20)", Math.min(20, downloads), false, false, uris,
                        Downloader.on(pool).withClient(client).withRequestTimeout(timeout)::download),
                new Variant("virtual threads, all at once", downloads, true, false, uris, virtualThreads),
                new Variant("virtual threads, Semaphore(10)", Math.min(10, downloads), false, false, uris,
                        Downloader.on(virtual).withClient(client).withRequestTimeout(timeout).withConcurrency(10)::download),
                new Variant("async HttpClient, all at once", downloads, true, false, uris, async)));
        if (bare != null) {
            List<URI> bareUris = new ArrayList<>(downloads);
            for (int i = 0; i < downloads; i++) {
                bareUris.add(bare.imageUri(i));
            }
            variants.add(new Variant("virtual threads, bare responder", downloads, true, true, bareUris, virtualThreads));
            variants.add(new Variant("async, bare responder", downloads, true, true, bareUris, async));
        }
        return variants;
    }

    /**
     * How a warm-up went.
     *
     * @param rounds          rounds of the all-at-once variants
     * @param seconds         how long the whole warm-up took
     * @param jitMsPerRound   the JIT's compilation time per round over the last {@value #SETTLE_WINDOW}
     *                        rounds, in ms (NaN where the JVM does not report it)
     * @param settled         whether that fell to {@value #SETTLED_JIT_MS_PER_ROUND} ms or less
     */
    public record WarmUp(int rounds, double seconds, double jitMsPerRound, boolean settled) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "warm-up: %d rounds in %.1f s; JIT at the end: %s", rounds, seconds,
                    Double.isNaN(jitMsPerRound) ? "not reported by this JVM"
                            : String.format(Locale.ROOT, "%.1f ms of compilation per round (%s)", jitMsPerRound,
                            settled ? "settled" : "still compiling: the --settle-s limit was reached"));
        }
    }

    /**
     * Warms up: two runs of every variant (so the pool and Semaphore paths are compiled too),
     * then rounds of the all-at-once variants (peers included) for at least {@value #WARM_UP_ROUNDS} rounds
     * and {@code atLeast}, and after that until the JIT has settled (at most
     * {@value #SETTLED_JIT_MS_PER_ROUND} ms of compilation per round over the last
     * {@value #SETTLE_WINDOW} rounds) or {@code settleMax} more has passed. Without this the
     * measured runs pay for the compiler: after a fixed warm-up the C2 compiler threads can
     * still use more CPU per run than the downloads themselves ({@code datasets/reference/MACHINE.md},
     * section "Downloads", has the figures).
     */
    static WarmUp warmUp(List<Variant> variants, Duration atLeast, Duration settleMax) {
        long start = System.nanoTime();
        for (Variant v : variants) {
            for (int i = 0; i < 2; i++) {
                check(v, v.runOnce());
            }
        }
        List<Variant> allAtOnce = variants.stream().filter(Variant::allAtOnce).toList();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        List<Long> compiled = new ArrayList<>(); // total compilation ms after each round
        long minimumEnd = start + atLeast.toNanos();
        long settleEnd = minimumEnd + settleMax.toNanos();
        int rounds = 0;
        while (true) {
            for (Variant v : allAtOnce) {
                check(v, v.runOnce());
            }
            rounds++;
            compiled.add(watched ? jit.getTotalCompilationTime() : 0L);
            long now = System.nanoTime();
            if (rounds < WARM_UP_ROUNDS || now < minimumEnd) {
                continue;
            }
            double perRound = !watched || compiled.size() <= SETTLE_WINDOW ? Double.NaN
                    : (compiled.getLast() - compiled.get(compiled.size() - 1 - SETTLE_WINDOW)) / (double) SETTLE_WINDOW;
            boolean settled = watched && perRound <= SETTLED_JIT_MS_PER_ROUND;
            if (!watched || settled || now >= settleEnd) {
                return new WarmUp(rounds, (now - start) / 1e9, perRound, settled);
            }
        }
    }

    /** Returns the CPU time this JVM has used, all threads, or 0 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static void check(Variant v, DownloadReport report) {
        if (report.failedCount() > 0) {
            throw new FailedDownloads(v.name() + " had failures: " + report);
        }
    }

    /** Returns the table: one line per row, the peers apart, then the lab server's share. */
    public static String table(List<Row> rows, int downloads, int latencyMs, int runs) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d downloads at %d ms latency; %d runs after a warm-up; bound = latency x ceil(downloads / concurrency)%n",
                downloads, latencyMs, runs));
        s.append(String.format(Locale.ROOT, "%-32s %6s %9s %9s %9s %9s %7s %-6s %9s %s%n",
                "variant", "conc.", "median s", "min s", "max s", "bound s", "ratio", "<= " + TARGET_RATIO, "cpu s/run",
                "last in ms"));
        boolean peersSeen = false;
        for (Row r : rows) {
            if (r.peer() && !peersSeen) {
                peersSeen = true;
                s.append("peers, not targets: the same client and downloads from BareResponder, a bare-socket server that\n"
                        + "only waits the latency and writes each response in one piece (what the machine costs without a server library)\n");
            }
            double last = r.medianLastArrival() * 1000;
            s.append(String.format(Locale.ROOT, "%-32s %6d %9.3f %9.3f %9.3f %9.3f %7.3f %-6s %9.3f %10s%n", r.variant(),
                    r.concurrency(), r.median(), r.min(), r.max(), r.boundSeconds(), r.ratio(),
                    r.peer() ? "peer" : r.ratio() <= TARGET_RATIO ? "met" : "MISSED", r.medianCpu(),
                    Double.isNaN(last) ? "-" : String.format(Locale.ROOT, "%.1f", last)));
        }
        String shares = serverShares(rows);
        if (!shares.isEmpty()) {
            s.append("the lab server's share (its median minus the bare responder's): ").append(shares).append('\n');
        }
        return s.toString();
    }

    /**
     * Returns, for each all-at-once variant that has a peer, how much longer its median took
     * against the lab server than against the bare responder, in ms; empty without peers.
     */
    public static String serverShares(List<Row> rows) {
        List<Row> peers = rows.stream().filter(Row::peer).toList();
        List<Row> allAtOnce = rows.stream().filter(r -> !r.peer() && r.variant().endsWith("all at once")).toList();
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < Math.min(peers.size(), allAtOnce.size()); i++) {
            shares.add(String.format(Locale.ROOT, "%s %+.1f ms", allAtOnce.get(i).variant(),
                    (allAtOnce.get(i).median() - peers.get(i).median()) * 1000));
        }
        return String.join("; ", shares);
    }

    /** Returns downloads.csv: a header and one line per row, with the warm-up's figures on each. */
    public static String csv(Result result, int downloads, int latencyMs, int runs) {
        WarmUp w = result.warmUp();
        StringBuilder csv = new StringBuilder("variant,concurrency,downloads,latency_ms,runs,median_s,min_s,max_s,bound_s,"
                + "ratio,target_ratio,met,median_cpu_s,median_last_admitted_ms,warmup_rounds,warmup_s,jit_ms_per_round,"
                + "jit_settled,kind,runs_s\n");
        for (Row r : result.rows()) { // variant names hold commas: quoted; a peer has no target, so no met value
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.2f,%s,%.4f,%.2f,%d,%.1f,%.2f,%s,%s,%s%n",
                    '"' + r.variant() + '"', r.concurrency(), downloads, latencyMs, runs, r.median(), r.min(), r.max(),
                    r.boundSeconds(), r.ratio(), TARGET_RATIO, r.peer() ? "" : String.valueOf(r.ratio() <= TARGET_RATIO),
                    r.medianCpu(), r.medianLastArrival() * 1000, w.rounds(), w.seconds(), w.jitMsPerRound(), w.settled(),
                    r.peer() ? "peer" : "target",
                    String.join(" ", Arrays.stream(r.seconds()).mapToObj(x -> String.format(Locale.ROOT, "%.4f", x)).toList())));
        }
        return csv.toString();
    }}
