package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What to measure: a workload, the models to run it on, how many warm-up runs to discard,
 * how many timed runs to keep, and how long one run may take at most.
 * {@snippet :
 * var spec = BenchSpec.of(BenchWorkload.primes(2_000_000, 16))
 *         .withModels(BenchModel.sequential(), BenchModel.platform(2), BenchModel.virtual(), BenchModel.process(2))
 *         .withWarmup(1)
 *         .withRepeats(5);
 * Table results = BenchHarness.run(spec);
 * }
 * <p>The sequential baseline is always measured (first), even when {@code models} does not
 * list it, because the speed-up column and the CPU bound are measured against it.
 *
 * <p>Thread safety: an immutable value; every {@code with} method returns a checked copy.
 *
 * @param workload the tasks to run
 * @param models   the execution models, at least one, no duplicates
 * @param warmup   runs per model before timing starts, 0 or more
 * @param repeats    timed runs per model, 1 or more
 * @param runTimeout the longest one run may take, 1 ms to 1 hour
 */
public record BenchSpec(BenchWorkload workload, List<BenchModel> models, int warmup, int repeats, Duration runTimeout) {

    /** The longest one run may take unless {@link #withRunTimeout} says otherwise. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Checks every field and copies the model list.
     *
     * @throws NullPointerException     if the workload, the model list, a model or the timeout is null
     * @throws IllegalArgumentException if the model list is empty or names a model twice,
     *     {@code warmup < 0}, {@code repeats < 1}, or the timeout is outside 1 ms..1 hour
     */
    public BenchSpec {
        Require.nonNull("workload", workload);
        models = Require.noNulls("models", models);
        Require.that(!models.isEmpty(), "models", "at least one model, e.g. BenchModel.platform(2), BenchModel.virtual()",
                "none");
        Require.that(models.stream().distinct().count() == models.size(), "models", "each model once", models);
        Require.atLeast("warmup", warmup, 0);
        Require.atLeast("repeats", repeats, 1);
        Require.inRange("runTimeout", runTimeout, Duration.ofMillis(1), Duration.ofHours(1));
    }

    /**
     * Returns a spec for {@code workload} on sequential, platform ×2, virtual threads and
     * process ×2, with 1 warm-up run and 5 timed runs per model.
     *
     * @throws NullPointerException if {@code workload} is null
     */
    public static BenchSpec of(BenchWorkload workload) {
        return new BenchSpec(workload, List.of(BenchModel.sequential(), BenchModel.platform(2), BenchModel.virtual(),
                BenchModel.process(2)), 1, 5, DEFAULT_RUN_TIMEOUT);
    }

    /** Returns a copy with other models: at least one, none null, none twice. */
    public BenchSpec withModels(BenchModel... models) {
        return withModels(models == null ? null : Arrays.asList(models));
    }

    /** Returns a copy with other models: at least one, none null, none twice. */
    public BenchSpec withModels(List<BenchModel> models) {
        return new BenchSpec(workload, models, warmup, repeats, runTimeout);
    }

    /** Returns a copy with another workload (not null). */
    public BenchSpec withWorkload(BenchWorkload workload) {
        return new BenchSpec(workload, models, warmup, repeats, runTimeout);
    }

    /** Returns a copy with {@code warmup} (0 or more) discarded runs per model. */
    public BenchSpec withWarmup(int warmup) {
        return new BenchSpec(workload, models, warmup, repeats, runTimeout);
    }

    /** Returns a copy with {@code repeats} (1 or more) timed runs per model. */
    public BenchSpec withRepeats(int repeats) {
        return new BenchSpec(workload, models, warmup, repeats, runTimeout);
    }

    /** Returns a copy whose runs may each take at most {@code runTimeout} (1 ms..1 hour). */
    public BenchSpec withRunTimeout(Duration runTimeout) {
        return new BenchSpec(workload, models, warmup, repeats, runTimeout);
    }

    /** Returns the models in the order they run: sequential first, then the others as listed. */
    public List<BenchModel> runOrder() {
        List<BenchModel> order = new ArrayList<>();
        order.add(BenchModel.sequential());
        for (BenchModel m : models) {
            if (!m.isSequential()) {
                order.add(m);
            }
        }
        return List.copyOf(order);
    }
}
