package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.tasks.LabTasks;
import concurrencylab.util.Require;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The two floors under a hybrid crawl's time: the I/O bound (the server's latency times the
 * number of rounds of requests the concurrency limit allows) and the CPU bound (the CPU time of
 * all the hashing done one page after another, divided by the cores). No variant can beat the
 * larger one; a variant that overlaps I/O and CPU perfectly would meet it.
 *
 * <p>The CPU bound counts the hashing thread's CPU time, not its wall time: on a machine that
 * other programs keep busy, a single thread waits for a core part of the time, and a crawl with
 * several hashing threads would then seem to beat a wall-time floor. CPU time divided by the
 * cores is a floor that holds however busy the machine is.
 *
 * {@snippet :
 * HybridBounds bounds = HybridBounds.measure(crawler, uris, Duration.ofMillis(80));
 * System.out.println(bounds);   // I/O bound ... s, CPU bound ... s (... s of hashing / cores)
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param ioBound        latency × ceil(pages / fetch concurrency)
 * @param cpuBound       {@code sequentialHash} / cores
 * @param fetchOnly      a measured pass that only fetched the pages (same limit, no hashing)
 * @param sequentialHash the CPU time of hashing every page on one thread, one after another (the
 *                       thread's wall time if this JVM cannot measure thread CPU time)
 * @param pages          pages in the crawl
 * @param concurrency    requests in flight at most
 * @param cores          cores the CPU bound divides by
 */
public record HybridBounds(Duration ioBound, Duration cpuBound, Duration fetchOnly, Duration sequentialHash,
                           int pages, int concurrency, int cores) {

    /** Checks that every duration is there. */
    public HybridBounds {
        Require.nonNull("ioBound", ioBound);
        Require.nonNull("cpuBound", cpuBound);
        Require.nonNull("fetchOnly", fetchOnly);
        Require.nonNull("sequentialHash", sequentialHash);
    }

    /**
     * Measures the bounds for {@code crawler} over {@code uris}: one fetch-only pass with the
     * crawler's limit and timeouts, then every body hashed on the calling thread with the
     * crawler's rounds (after a short warm-up, so the JIT has compiled SHA-256), timed in that
     * thread's CPU time. {@code latency} is the server's configured fixed latency.
     *
     * @throws NullPointerException     if {@code crawler}, {@code uris}, a URI or {@code latency} is null
     * @throws IllegalArgumentException if {@code uris} is empty or {@code latency} is outside the lab
     *                                  server's 0..{@link LabConfig#MAX_DELAY}
     * @throws IllegalStateException    if the fetch-only pass got no page at all
     */
    public static HybridBounds measure(HybridCrawler crawler, List<URI> uris, Duration latency) {
        Require.nonNull("crawler", crawler);
        Require.inRange("latency", latency, Duration.ZERO, LabConfig.MAX_DELAY);
        HybridCrawler.FetchOnly io = crawler.fetchOnly(uris);
        if (io.bodies().isEmpty()) {
            throw new IllegalStateException("the fetch-only pass got none of the " + uris.size()
                    + " pages; is the server up? first URI: " + uris.getFirst());
        }
        warmUp(io.bodies().getFirst(), crawler.rounds());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long start = cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime();
        for (byte[] body : io.bodies()) {
            try {
                LabTasks.sha256Report(body, crawler.rounds()).call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the CPU bound", e);
            } catch (Exception e) {
                throw new IllegalStateException("hashing failed while measuring the CPU bound: " + e, e);
            }
        }
        Duration sequential = Duration.ofNanos((cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - start);
        // scale to every page, in case a few were not fetched
        Duration allPages = sequential.multipliedBy(uris.size()).dividedBy(io.bodies().size());
        int cores = Runtime.getRuntime().availableProcessors();
        int rounds = (uris.size() + crawler.fetchConcurrency() - 1) / crawler.fetchConcurrency();
        return new HybridBounds(latency.multipliedBy(rounds), allPages.dividedBy(cores), io.elapsed(), allPages,
                uris.size(), crawler.fetchConcurrency(), cores);
    }

    /** Hashes one body first, so the JIT has compiled SHA-256 before the clock starts. */
    private static void warmUp(byte[] body, int rounds) {
        try {
            LabTasks.sha256Report(body, Math.min(rounds, 50_000)).call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("hashing failed while warming up: " + e, e);
        }
    }

    /** Returns the larger of the two bounds: the best any variant can do. */
    public Duration floor() {
        return ioBound.compareTo(cpuBound) >= 0 ? ioBound : cpuBound;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "I/O bound %.2f s (%d pages, %d in flight; fetch-only pass took %.2f s),"
                        + " CPU bound %.2f s (%.2f s of hashing CPU time / %d %s)",
                ioBound.toNanos() / 1e9, pages, concurrency, fetchOnly.toNanos() / 1e9, cpuBound.toNanos() / 1e9,
                sequentialHash.toNanos() / 1e9, cores, cores == 1 ? "core" : "cores");
    }
}
