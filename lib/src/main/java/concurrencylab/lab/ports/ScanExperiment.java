package concurrencylab.lab.ports;

import concurrencylab.lab.bench.BenchStats;
import concurrencylab.scan.PortScanner;
import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanResult;
import concurrencylab.scan.ScanVariant;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.Table;

/**
 * Small experiments for the notebook: the three scanner variants side by side, and how the
 * concurrency and the per-connect timeout change a scan's result and time.
 *
 * {@snippet :
 * Table grid = ScanExperiment.concurrencyAndTimeouts(ScanRequest.loopback("1-1024"), List.of(1, 10, 100),
 *         List.of(Duration.ofMillis(50), Duration.ofMillis(200)));
 * XYChart chart = ScanExperiment.chart(grid);
 * }
 *
 * <p>Stateless; each call runs its scans one after another on the calling thread's behalf.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class ScanExperiment {
    private ScanExperiment() {
    }

    /**
     * Runs every variant {@code runs} times on {@code request}; returns one row per variant with
     * the open ports found and the median, fastest and slowest time in seconds. One untimed
     * round warms every variant up first; then the timed runs take turns (A, B, C, A, B, C, ...),
     * so a busy moment of the machine or a late JIT compilation falls on all of them alike
     * instead of on whichever variant happened to run then.
     *
     * @throws IllegalArgumentException if {@code runs} is outside 1..20
     * @throws InterruptedException if interrupted between or during scans
     */
    public static Table compareVariants(ScanRequest request, int runs) throws InterruptedException {
        Require.inRange("runs", runs, 1, 20);
        List<PortScanner> scanners = Arrays.stream(ScanVariant.values()).map(ScanVariant::scanner).toList();
        for (PortScanner scanner : scanners) {
            scanner.scan(request); // the untimed warm-up round
        }
        double[][] seconds = new double[scanners.size()][runs];
        List<List<Integer>> open = new ArrayList<>(Collections.nCopies(scanners.size(), List.<Integer>of()));
        for (int i = 0; i < runs; i++) {
            for (int v = 0; v < scanners.size(); v++) { // interleaved: every variant once per round
                ScanResult r = scanners.get(v).scan(request);
                seconds[v][i] = r.elapsed().toNanos() / 1e9;
                open.set(v, r.open());
            }
        }
        List<Timed> rows = new ArrayList<>();
        for (int v = 0; v < scanners.size(); v++) {
            BenchStats stats = BenchStats.of(seconds[v]); // in seconds: the statistics keep the unit
            rows.add(new Timed(scanners.get(v).variant(), open.get(v), stats.medianMs(), stats.minMs(), stats.maxMs()));
        }
        return RowTable.of(rows)
                .text("variant", Timed::variant)
                .text("open ports", r -> r.open().toString())
                .doubles("median s", r -> round(r.median()))
                .doubles("min s", r -> round(r.min()))
                .doubles("max s", r -> round(r.max()))
                .toTable("variants");
    }

    /** One variant's open ports and its median, fastest and slowest seconds. */
    private record Timed(String variant, List<Integer> open, double median, double min, double max) {
    }

    /**
     * Scans {@code request}'s ports once per concurrency and connect timeout (with the main
     * scanner); returns one row per pair: concurrency, timeout in ms, open, filtered and closed
     * counts, seconds.
     *
     * @throws IllegalArgumentException if a list is empty or a concurrency or timeout is out of range
     * @throws InterruptedException if interrupted between or during scans
     */
    public static Table concurrencyAndTimeouts(ScanRequest request, List<Integer> concurrencies,
                                               List<Duration> connectTimeouts) throws InterruptedException {
        Require.notEmpty("concurrencies", concurrencies);
        Require.notEmpty("connectTimeouts", connectTimeouts);
        List<ScanResult> results = new ArrayList<>();
        List<ScanRequest> requests = new ArrayList<>();
        PortScanner scanner = PortScanner.structured();
        for (Duration timeout : connectTimeouts) {
            for (int concurrency : concurrencies) {
                ScanRequest each = request.withConcurrency(concurrency).withConnectTimeout(timeout);
                requests.add(each);
                results.add(scanner.scan(each));
            }
        }
        return RowTable.of(IntStream.range(0, results.size()).boxed().toList())
                .ints("concurrency", i -> requests.get(i).concurrency())
                .ints("timeout ms", i -> (int) requests.get(i).connectTimeout().toMillis())
                .ints("open", i -> results.get(i).open().size())
                .ints("filtered", i -> results.get(i).filtered().size())
                .ints("closed", i -> results.get(i).closed())
                .doubles("seconds", i -> round(results.get(i).elapsed().toNanos() / 1e9))
                .toTable("concurrency x timeout");
    }

    /**
     * Returns a chart of seconds against the concurrency (log scale), one line per connect
     * timeout, from {@link #concurrencyAndTimeouts}.
     */
    public static XYChart chart(Table grid) {
        XYChart chart = new XYChartBuilder().width(720).height(380)
                .title("Scan time by concurrency and connect timeout")
                .xAxisTitle("concurrency (connects in flight)").yAxisTitle("seconds").build();
        chart.getStyler().setXAxisLogarithmic(true);
        for (int timeout : grid.intColumn("timeout ms").unique().asList()) {
            Table rows = grid.where(grid.intColumn("timeout ms").isEqualTo(timeout));
            chart.addSeries("timeout " + timeout + " ms", rows.intColumn("concurrency").asDoubleArray(),
                    rows.doubleColumn("seconds").asDoubleArray());
        }
        return chart;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10_000) / 10_000.0;
    }
}
