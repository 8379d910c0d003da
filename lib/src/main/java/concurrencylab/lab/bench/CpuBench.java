package concurrencylab.lab.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.Table;

/**
 * The CPU benchmark's measurements ({@code ./course bench cpu}): counting primes and SHA-256
 * rounds on the four models through {@link BenchHarness}, the primes again on 1, 2 and 4
 * workers, and the verdict against the targets: platform and process pools at least
 * {@value #TARGET_SPEEDUP}× sequential on two cores, virtual threads no faster than platform
 * threads (same cores, same work).
 * {@snippet :
 * BenchSpec primes = CpuBench.primes(2, 2_000_000, 16, 1, 5);   // workers, limit, chunks, warm-up, runs
 * Table t = BenchHarness.run(primes);
 * System.out.print(CpuBench.verdict(t, 2));
 * }
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless.
 */
public final class CpuBench {

    /** The speed-up the two-worker pools should reach over sequential on two cores. */
    public static final double TARGET_SPEEDUP = 1.8;

    /** Texts hashed by the SHA-256 workload. */
    public static final int SHA_TEXTS = 32;

    private CpuBench() {
    }

    /**
     * Returns the primes below {@code limit} in {@code chunks} on platform threads, virtual
     * threads and worker processes ({@code workers} each, sequential first).
     *
     * @throws IllegalArgumentException if a value is out of the range {@link BenchSpec} and
     *     {@link BenchWorkload} accept
     */
    public static BenchSpec primes(int workers, long limit, int chunks, int warmup, int runs) {
        List<BenchModel> models = List.of(BenchModel.platform(workers), BenchModel.virtual(), BenchModel.process(workers));
        return BenchSpec.of(BenchWorkload.primes(limit, chunks)).withModels(models).withWarmup(warmup).withRepeats(runs);
    }

    /** Returns {@code spec} with {@value #SHA_TEXTS} texts of {@code rounds} SHA-256 rounds as its workload. */
    public static BenchSpec sha256(BenchSpec spec, int rounds) {
        return spec.withWorkload(BenchWorkload.sha256(SHA_TEXTS, rounds));
    }

    /** Returns {@code spec} on 1, 2 and 4 platform threads, virtual threads, and 1, 2 and 4 worker processes. */
    public static BenchSpec sweep(BenchSpec spec) {
        return spec.withModels(BenchModel.platform(1), BenchModel.platform(2), BenchModel.platform(4),
                BenchModel.virtual(), BenchModel.process(1), BenchModel.process(2), BenchModel.process(4));
    }

    /**
     * Returns a line saying how many cores {@code workers} spinning threads obtained just now
     * ({@link CoreShare}, 0.5 s).
     *
     * @throws TimeoutException if the spinning threads do not end in time
     * @throws InterruptedException if interrupted while waiting for them
     */
    public static String coreShare(int workers) throws InterruptedException, TimeoutException {
        double got = CoreShare.measure(workers, Duration.ofMillis(500));
        return String.format(Locale.ROOT, "cores obtained by %d spinning threads over 0.5 s: %.2f"
                + " (CPU time / wall time; the most any %d-worker pool can reach right now)", workers, got, workers);
    }

    /**
     * Returns the lines saying whether each target was met, with the ratios of {@code t} (a
     * {@link BenchHarness} table with sequential, platform, virtual and process rows). The
     * target scales down when fewer than two cores or workers are there.
     *
     * @throws IllegalArgumentException if a model's row is missing
     */
    public static String verdict(Table t, int workers) {
        double platform = speedup(t, "platform threads");
        double process = speedup(t, "worker processes");
        double virtual = speedup(t, "virtual threads");
        double needed = Math.min(TARGET_SPEEDUP,
                TARGET_SPEEDUP * Math.min(workers, Runtime.getRuntime().availableProcessors()) / 2.0);
        var s = new StringBuilder(t.stringColumn("workload").get(0)).append(":\n");
        s.append(line("platform threads", platform, needed));
        s.append(line("worker processes", process, needed));
        s.append(String.format(Locale.ROOT, "  virtual threads %.2fx vs platform %.2fx: %s%n", virtual, platform,
                virtual <= platform * 1.05 ? "no faster, as expected (same cores, same work)"
                        : "faster than platform by more than 5 % (noise, or the pool was short of workers)"));
        return s.toString();
    }

    private static String line(String model, double speedup, double needed) {
        return String.format(Locale.ROOT, "  %s %.2fx sequential (target >= %.2fx): %s%n", model, speedup, needed,
                speedup >= needed ? "met" : "MISSED");
    }

    private static double speedup(Table t, String model) {
        for (int row = 0; row < t.rowCount(); row++) {
            if (t.stringColumn("model").get(row).equals(model)) {
                return t.doubleColumn("speedup").getDouble(row);
            }
        }
        throw new IllegalArgumentException("no row for " + model + " in " + t.name());
    }
}
