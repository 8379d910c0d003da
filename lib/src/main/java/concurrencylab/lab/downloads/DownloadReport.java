package concurrencylab.lab.downloads;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The result of downloading a list of URLs: one {@link DownloadOutcome} per URL, in the order
 * the URLs were given, none missing, and the wall-clock time of the whole download.
 *
 * {@snippet :
 * DownloadReport report = Downloader.on(pool).download(server.imageUris(200));
 * System.out.println(report);          // platform pool (20 threads): 200 ok, 0 failed in ... s
 * report.failuresByCause();            // {HTTP 500=3, timeout after 300 ms (...)=1}
 * }
 *
 * <p>Immutable and thread-safe. Introduced in notebook {@code 07.2-Executors}.
 *
 * @param engine   what ran the downloads, e.g. {@code platform pool (20 threads)}
 * @param outcomes one outcome per URL, in the order given
 * @param elapsed  wall-clock time from the first submit to the last outcome
 */
public record DownloadReport(String engine, List<DownloadOutcome> outcomes, Duration elapsed) {

    /** Copies the list. @throws NullPointerException if a field or an outcome is null */
    public DownloadReport {
        Require.nonNull("engine", engine);
        outcomes = Require.noNulls("outcomes", outcomes);
        Require.nonNull("elapsed", elapsed);
    }

    /** Returns how many URLs succeeded. */
    public int okCount() {
        return (int) outcomes.stream().filter(DownloadOutcome::ok).count();
    }

    /** Returns how many URLs failed. */
    public int failedCount() {
        return outcomes.size() - okCount();
    }

    /** Returns the bytes received from the URLs that succeeded. */
    public long totalBytes() {
        return outcomes.stream().filter(DownloadOutcome::ok).mapToLong(DownloadOutcome::bytes).sum();
    }

    /** Returns the failures counted by cause, e.g. {@code {HTTP 500=3}}, sorted by cause. */
    public Map<String, Long> failuresByCause() {
        return outcomes.stream().filter(o -> !o.ok())
                .collect(Collectors.groupingBy(DownloadOutcome::failure, TreeMap::new, Collectors.counting()));
    }

    /**
     * Returns how many distinct threads ran the requests, per process: platform threads by
     * name, virtual threads by their carrier (each request has a virtual thread of its own).
     */
    public int distinctRunners() {
        return (int) outcomes.stream().map(DownloadOutcome::ranBy).filter(Objects::nonNull)
                .map(s -> s.pid() + "/" + (s.virtual() ? "carrier " + s.carrier() : s.thread())).distinct().count();
    }

    /** Returns how many distinct processes ran the requests (1 unless a process pool did). */
    public int distinctProcesses() {
        return (int) outcomes.stream().map(DownloadOutcome::ranBy).filter(Objects::nonNull)
                .mapToLong(ExecutionSite::pid).distinct().count();
    }

    /** Returns one row per URL: uri, status, bytes, ms, ran by, failure. */
    public Table toTable() {
        return RowTable.of(outcomes)
                .text("uri", o -> o.uri().getPath())
                .ints("status", DownloadOutcome::status)
                .longs("bytes", DownloadOutcome::bytes)
                .longs("ms", o -> o.elapsed().toMillis())
                .text("ran by", o -> o.ranBy() == null ? "" : o.ranBy().toString())
                .text("failure", DownloadOutcome::failure)
                .toTable(engine);
    }

    /**
     * Returns true if every request ran on a virtual thread; then each distinct runner is a
     * carrier thread (the virtual threads themselves are unnamed and one per request).
     */
    public boolean ranOnVirtualThreads() {
        return outcomes.stream().map(DownloadOutcome::ranBy).filter(Objects::nonNull).allMatch(ExecutionSite::virtual)
                && outcomes.stream().anyMatch(o -> o.ranBy() != null);
    }

    @Override
    public String toString() {
        String causes = failedCount() == 0 ? "" : " " + failuresByCause();
        int runners = distinctRunners();
        int processes = Math.max(1, distinctProcesses());
        String who = ranOnVirtualThreads()
                ? "virtual threads on " + runners + (runners == 1 ? " carrier" : " carriers")
                : runners + (runners == 1 ? " thread" : " threads");
        return String.format("%s: %d ok, %d failed%s in %.2f s, %d KiB, %s in %d %s",
                engine, okCount(), failedCount(), causes, elapsed.toNanos() / 1e9, totalBytes() / 1024,
                who, processes, processes == 1 ? "process" : "processes");
    }
}
