package concurrencylab.lab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Thread safety: an immutable value; every {@code with} method returns a new spec.
 *
 * @param workload the tasks to run
 * @param models   the execution models, at least one, no duplicates
 * @param warmup   runs per model before timing starts, 0 or more
 * @param repeats  timed runs per model, 1 or more
 * @param timeout  the longest one run may take, 1 ms to 1 hour
 */
public record BenchSpec(BenchWorkload workload, List<BenchModel> models, int warmup, int repeats, Duration timeout) {

    /** The longest one run may take unless {@link #withTimeout} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Checks every field and copies the model list.
     *
     * @throws IllegalArgumentException if the workload is null, the model list is null, empty,
     *     holds null or a model twice, {@code warmup < 0}, {@code repeats < 1}, or the timeout is
     *     null or outside 1 ms..1 hour
     */
    public BenchSpec {
        if (workload == null) {
            throw new IllegalArgumentException("a benchmark needs a workload, got null (e.g. BenchWorkload.primes(2_000_000, 16))");
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs at least one model, got none"
                    + " (e.g. BenchModel.platform(2), BenchModel.virtual())");
        }
        if (models.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("the model list holds null: " + models);
        }
        if (models.stream().distinct().count() != models.size()) {
            throw new IllegalArgumentException("the model list names a model twice: " + models);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up runs must be 0 or more, got " + warmup);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("timed runs (repeats) must be 1 or more, got " + repeats);
        }
        if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the timeout of one run must be between 1 ms and 1 hour, got " + timeout);
        }
        models = List.copyOf(models);
    }

    /**
     * Returns a spec for {@code workload} on sequential, platform ×2, virtual threads and
     * process ×2, with 1 warm-up run and 5 timed runs per model.
     *
     * @throws IllegalArgumentException if {@code workload} is null
     */
    public static BenchSpec of(BenchWorkload workload) {
        return new BenchSpec(workload, List.of(BenchModel.sequential(), BenchModel.platform(2), BenchModel.virtual(),
                BenchModel.process(2)), 1, 5, DEFAULT_TIMEOUT);
    }

    /**
     * Returns this spec with other models.
     *
     * @throws IllegalArgumentException if none is given, one is null, or one is given twice
     */
    public BenchSpec withModels(BenchModel... models) {
        return withModels(models == null ? null : java.util.Arrays.asList(models));
    }

    /**
     * Returns this spec with other models.
     *
     * @throws IllegalArgumentException if the list is null or empty, holds null, or names a model twice
     */
    public BenchSpec withModels(List<BenchModel> models) {
        return new BenchSpec(workload, models == null ? null : new ArrayList<>(models), warmup, repeats, timeout);
    }

    /**
     * Returns this spec with another workload.
     *
     * @throws IllegalArgumentException if {@code workload} is null
     */
    public BenchSpec withWorkload(BenchWorkload workload) {
        return new BenchSpec(workload, models, warmup, repeats, timeout);
    }

    /**
     * Returns this spec with {@code warmup} discarded runs per model.
     *
     * @throws IllegalArgumentException if {@code warmup < 0}
     */
    public BenchSpec withWarmup(int warmup) {
        return new BenchSpec(workload, models, warmup, repeats, timeout);
    }

    /**
     * Returns this spec with {@code repeats} timed runs per model.
     *
     * @throws IllegalArgumentException if {@code repeats < 1}
     */
    public BenchSpec withRepeats(int repeats) {
        return new BenchSpec(workload, models, warmup, repeats, timeout);
    }

    /**
     * Returns this spec with another bound on one run.
     *
     * @throws IllegalArgumentException if the timeout is null or outside 1 ms..1 hour
     */
    public BenchSpec withTimeout(Duration timeout) {
        return new BenchSpec(workload, models, warmup, repeats, timeout);
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
