package concurrencylab.lab.pitfalls;

import concurrencylab.lab.downloads.DownloadComparison;
import concurrencylab.lab.downloads.Downloader;
import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * DownloadComparison r = PoolSizing.run(200, Duration.ofMillis(100), 1, 5, 20, 100);
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
     * Downloads {@code downloads} images at {@code latency} on a platform pool of each size and
     * returns them beside their bounds, one row per pool size in the order given.
     *
     * @throws IllegalArgumentException if {@code downloads} is outside 1..10,000, {@code latency}
     *     outside 1 ms..10 s, or a pool size outside 1..1000 or none given
     */
    public static DownloadComparison run(int downloads, Duration latency, int... poolSizes) {
        Require.inRange("downloads", downloads, 1, 10_000);
        Require.inRange("latency", latency, Duration.ofMillis(1), Duration.ofSeconds(10));
        Require.that(poolSizes != null && poolSizes.length > 0, "poolSizes", "at least one pool size, e.g. 1, 5, 20, 100",
                "none");
        for (int size : poolSizes) {
            Require.inRange("pool size", size, 1, 1000);
        }
        DownloadComparison comparison = new DownloadComparison(latency);
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
                    comparison.add(Downloader.on(pool).withRequestTimeout(timeout).withDeadline(deadline).download(uris),
                            size);
                }
            }
        }
        return comparison;
    }
}
