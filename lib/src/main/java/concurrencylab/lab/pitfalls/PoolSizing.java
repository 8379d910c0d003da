package concurrencylab.lab.pitfalls;

import concurrencylab.lab.downloads.DownloadReport;
import concurrencylab.lab.downloads.Downloader;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Pitfall 4, measured: how big should an I/O pool be? The same downloads on platform pools
 * of several sizes, each beside its bound from Little's law.
 *
 * <p>With {@code N} requests of latency {@code W} and a pool of {@code c} threads, at most
 * {@code c} requests are in flight, so throughput is at most {@code c / W} (Little's law,
 * {@code L = lambda W} with {@code L = c}) and the download takes at least
 * {@code W x ceil(N / c)}. Too small a pool waits in line; beyond {@code N} threads nothing is gained.
 *
 * {@snippet :
 * PoolSizing.Result r = PoolSizing.run(200, Duration.ofMillis(100), 1, 5, 20, 100);
 * r.toTable();  // pool, measured s, bound s, measured / bound
 * r.toChart();  // the same as bars
 * }
 *
 * <p>Each run uses its own lab server and pools, all closed before it returns. Stateless and
 * thread-safe. Introduced in notebook {@code 07.2-Executors}.
 */
public final class PoolSizing {

    private PoolSizing() {
    }

    /**
     * One pool size.
     *
     * @param poolSize threads in the pool
     * @param measured wall-clock time of the whole download
     * @param bound    {@code latency x ceil(downloads / poolSize)}
     * @param ok       how many downloads succeeded
     */
    public record Row(int poolSize, Duration measured, Duration bound, int ok) {
        /** Returns measured / bound: 1.0 is as fast as the pool size allows. */
        public double ratio() {
            return (double) measured.toNanos() / bound.toNanos();
        }
    }

    /**
     * All pool sizes of one run.
     *
     * @param downloads how many downloads per pool
     * @param latency   the server's latency
     * @param rows      one per pool size, in the order given
     */
    public record Result(int downloads, Duration latency, List<Row> rows) {
        /** Copies the rows. */
        public Result {
            rows = List.copyOf(rows);
        }

        /** Returns pool size, measured seconds, bound seconds, ratio, and ok downloads. */
        public Table toTable() {
            IntColumn pool = IntColumn.create("pool threads");
            DoubleColumn measured = DoubleColumn.create("measured s");
            DoubleColumn bound = DoubleColumn.create("bound s");
            DoubleColumn ratio = DoubleColumn.create("measured / bound");
            IntColumn ok = IntColumn.create("ok");
            for (Row r : rows) {
                pool.append(r.poolSize());
                measured.append(round(r.measured().toNanos() / 1e9));
                bound.append(round(r.bound().toNanos() / 1e9));
                ratio.append(round(r.ratio()));
                ok.append(r.ok());
            }
            return Table.create(downloads + " downloads at " + latency.toMillis() + " ms latency", pool, measured,
                    bound, ratio, ok);
        }

        /** Returns measured and bound seconds per pool size as grouped bars. */
        public CategoryChart toChart() {
            CategoryChart chart = new CategoryChartBuilder().width(800).height(400)
                    .title(downloads + " downloads at " + latency.toMillis() + " ms: time by pool size")
                    .xAxisTitle("platform threads in the pool").yAxisTitle("seconds").build();
            List<String> sizes = rows.stream().map(r -> String.valueOf(r.poolSize())).toList();
            chart.addSeries("measured", sizes, rows.stream().map(r -> (Number) (r.measured().toNanos() / 1e9)).toList());
            chart.addSeries("bound: latency x ceil(N / threads)", sizes,
                    rows.stream().map(r -> (Number) (r.bound().toNanos() / 1e9)).toList());
            return chart;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    /**
     * Downloads {@code downloads} images at {@code latency} on a platform pool of each size.
     *
     * @throws IllegalArgumentException if {@code downloads} is outside 1..10,000, {@code latency}
     *     outside 1 ms..10 s, or a pool size outside 1..1000 or none given
     */
    public static Result run(int downloads, Duration latency, int... poolSizes) {
        Require.inRange("downloads", downloads, 1, 10_000);
        Require.inRange("latency", latency, Duration.ofMillis(1), Duration.ofSeconds(10));
        Require.that(poolSizes != null && poolSizes.length > 0, "poolSizes", "at least one pool size, e.g. 1, 5, 20, 100", "none");
        for (int size : poolSizes) {
            Require.inRange("pool size", size, 1, 1000);
        }
        List<Row> rows = new ArrayList<>();
        try (LabServer server = LabServer.start(LabConfig.DEFAULTS.withLatency(latency))) {
            var uris = server.imageUris(downloads);
            Duration timeout = latency.multipliedBy(10).plusSeconds(5);
            try (ExecutorService warm = Executors.newFixedThreadPool(4)) { // JIT and connections, not measured
                Downloader.on(warm).withRequestTimeout(timeout).download(uris.subList(0, Math.min(8, downloads)));
            }
            for (int size : poolSizes) {
                try (ExecutorService pool = Executors.newFixedThreadPool(size)) {
                    long rounds = (downloads + size - 1) / size;
                    Duration deadline = latency.multipliedBy(rounds).multipliedBy(3).plusSeconds(30);
                    DownloadReport report = Downloader.on(pool).withRequestTimeout(timeout).withDeadline(deadline).download(uris);
                    rows.add(new Row(size, report.elapsed(), latency.multipliedBy(rounds), report.okCount()));
                }
            }
        }
        return new Result(downloads, latency, rows);
    }
}
