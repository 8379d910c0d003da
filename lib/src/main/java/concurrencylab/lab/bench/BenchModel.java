package concurrencylab.lab.bench;

import concurrencylab.exec.ExecutorKind;
import concurrencylab.util.Require;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * One execution model a benchmark compares: sequential (the calling thread, one task after
 * another), or an {@link ExecutorKind} with a number of workers.
 * {@snippet :
 * List<BenchModel> models = List.of(BenchModel.sequential(), BenchModel.platform(2),
 *         BenchModel.virtual(), BenchModel.process(2));
 * }
 * <p>For {@link #virtual()} the worker count is not fixed: every task gets its own virtual
 * thread, so the harness reports the number of tasks of a run as its workers.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param kind    the executor kind, or {@code null} for sequential
 * @param workers threads or processes of the pool, at least 1 (1 for sequential; ignored by
 *                virtual threads)
 */
public record BenchModel(ExecutorKind kind, int workers) {

    /**
     * Checks the worker count.
     *
     * @throws IllegalArgumentException if {@code workers < 1}, or if sequential is given more than one worker
     */
    public BenchModel {
        Require.atLeast("workers", workers, 1);
        Require.that(kind != null || workers == 1, "workers", "exactly 1 for sequential", workers);
    }

    /** Returns the baseline: every task in the calling thread, one after another. */
    public static BenchModel sequential() {
        return new BenchModel(null, 1);
    }

    /**
     * Returns a fixed pool of {@code workers} platform threads.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public static BenchModel platform(int workers) {
        return new BenchModel(ExecutorKind.PLATFORM, workers);
    }

    /** Returns one new virtual thread per task. */
    public static BenchModel virtual() {
        return new BenchModel(ExecutorKind.VIRTUAL, 1);
    }

    /**
     * Returns a process pool of {@code workers} worker JVMs.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public static BenchModel process(int workers) {
        return new BenchModel(ExecutorKind.PROCESS, workers);
    }

    /** Returns true for the sequential baseline. */
    public boolean isSequential() {
        return kind == null;
    }

    /** Returns the name of the model for tables and charts: {@code sequential}, {@code platform threads}, ... */
    public String label() {
        return kind == null ? "sequential" : kind.label();
    }

    /**
     * Returns how many tasks can run at once under this model when a run has {@code tasks}
     * tasks: 1, the pool size, or {@code tasks} for virtual threads.
     */
    public int concurrency(int tasks) {
        return kind == ExecutorKind.VIRTUAL ? Math.max(1, tasks) : workers;
    }

    /** Opens the executor of this model, or returns null for sequential; the caller closes it. */
    ExecutorService open() {
        return kind == null ? null : kind.create(workers);
    }

    @Override
    public String toString() {
        return kind == null || kind == ExecutorKind.VIRTUAL ? label()
                : String.format(Locale.ROOT, "%s ×%d", label(), workers);
    }
}
