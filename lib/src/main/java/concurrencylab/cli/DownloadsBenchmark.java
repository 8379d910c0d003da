package concurrencylab.cli;

import concurrencylab.lab.downloads.DownloadsBench;
import concurrencylab.lab.server.LabServerJvm;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./course bench downloads}: the 7.2 downloads, timed ({@link DownloadsBench}): 200
 * images at 100 ms latency from a lab server, four ways, against the bound
 * {@code latency x ceil(downloads / concurrency)}, with two bare-socket peers.
 * {@snippet lang=sh :
 * ./course bench downloads                               # --out build/bench, 200 downloads, 100 ms, 5 runs
 * ./course bench downloads --downloads 400 --latency-ms 50 --runs 7 --warmup-s 20
 * ./course bench downloads --server-jvm 1                # the lab server in a child JVM
 * }
 * With {@code --server-jvm 1} the lab server runs in a child JVM ({@link LabServerJvm}), which
 * is ended (bounded wait, then forcibly) before the table is printed. Prints a table and
 * writes {@code DIR/downloads.csv}. Exit status 0 when it ran (whether or not the target was
 * met: see the {@code met} column), 2 on bad arguments, 1 if a download failed.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class DownloadsBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench downloads",
                    "The 7.2 downloads timed four ways against their bound, with bare-socket peers.")
            .out("where downloads.csv goes")
            .number("--downloads", 200, 1, 10_000, "images to download per run")
            .number("--latency-ms", 100, 1, 10_000, "the lab server's latency per request")
            .number("--runs", 5, 1, 50, "measured runs of each variant")
            .number("--warmup-s", (int) DownloadsBench.WARM_UP.toSeconds(), 0, 600, "warm-up seconds, at least")
            .number("--settle-s", (int) DownloadsBench.SETTLE_MAX.toSeconds(), 0, 600,
                    "more warm-up seconds at most, until the JIT settles")
            .number("--server-jvm", 0, 0, 1, "1: the lab server in a child JVM (no peers then)")
            .footer("Exit status: 0 ran (see the met column), 1 a download failed, 2 bad arguments.");

    private DownloadsBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see {@code --help}
     * @throws Exception if the child server JVM cannot start or the CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        int downloads = a.number("--downloads");
        int latencyMs = a.number("--latency-ms");
        int runs = a.number("--runs");
        Duration latency = Duration.ofMillis(latencyMs);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        DownloadsBench.Result result;
        try (LabServerJvm server = a.number("--server-jvm") == 1 ? LabServerJvm.start(latency) : null) {
            result = DownloadsBench.run(downloads, latency, runs, Duration.ofSeconds(a.number("--warmup-s")),
                    Duration.ofSeconds(a.number("--settle-s")), server == null ? null : server.base());
        } catch (DownloadsBench.FailedDownloads e) {
            System.err.println("DownloadsBenchmark: " + e.getMessage());
            System.exit(1);
            return;
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println(result.warmUp());
        System.out.print(DownloadsBench.table(result.rows(), downloads, latencyMs, runs));
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f before and %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("downloads.csv");
        Files.writeString(csv, DownloadsBench.csv(result, downloads, latencyMs, runs));
        System.out.println("wrote " + csv);
    }
}
