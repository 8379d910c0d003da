package concurrencylab.lab.bench;

import concurrencylab.notebook.Notebook;
import concurrencylab.notebook.Progress;
import concurrencylab.util.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs one workload on several execution models, with warm-up runs and timed repeats, and
 * returns one table row per model.
 * {@snippet :
 * Table t = BenchHarness.run(BenchSpec.of(BenchWorkload.primes(2_000_000, 16)));
 * t   // workload, model, workers, median_ms, min_ms, max_ms, bound_ms, speedup
 * }
 * <p>The harness opens every model's executor first (a process pool boots its worker JVMs
 * then), runs the warm-up rounds, then the timed rounds, and closes the executors. A round
 * runs each model once, in order, so a burst of load from other programs slows every model
 * alike instead of only the one that happened to be running. One run asks the workload for a
 * fresh batch of tasks, submits them all, and waits for every result; its time runs from the
 * first submit to the last result. Sequential runs call the tasks one after another in the
 * calling thread. Every run is bounded by the spec's timeout.
 *
 * <p>Columns: {@code median_ms}, {@code min_ms}, {@code max_ms} over the timed runs;
 * {@code bound_ms} is the ideal time: for CPU-bound work the sequential median divided by
 * {@code min(concurrency, cores)}; for I/O-bound work {@code latency × ceil(tasks / concurrency)};
 * {@code speedup} is the sequential median divided by the model's median. {@code workers} is
 * the concurrency: 1 for sequential, the pool size, or the number of tasks for virtual threads.
 * If the workload checks answers, every run of every model must give the sequential answer.
 * Progress shows as one updating line ({@link Notebook#progress}).
 *
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless; each call runs its
 * own executors and closes them before returning.
 */
public final class BenchHarness {

    /** The column names of the result table, in order. */
    public static final List<String> COLUMNS =
            List.of("workload", "model", "workers", "median_ms", "min_ms", "max_ms", "bound_ms", "speedup");

    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(30);

    private BenchHarness() {
    }

    /**
     * Runs {@code spec} and returns its table (see the class comment for the columns).
     *
     * @throws NullPointerException if {@code spec} is null
     * @throws ExecutionException if a task fails (its exception is the cause)
     * @throws TimeoutException if one run takes longer than the spec's timeout
     * @throws InterruptedException if the calling thread is interrupted
     * @throws IllegalStateException if a run's answer differs from the sequential answer
     */
    public static Table run(BenchSpec spec) throws ExecutionException, TimeoutException, InterruptedException {
        return run(spec, Runtime.getRuntime().availableProcessors());
    }

    static Table run(BenchSpec spec, int cores) throws ExecutionException, TimeoutException, InterruptedException {
        Require.nonNull("spec", spec);
        BenchWorkload workload = spec.workload();
        Progress progress = Notebook.progress(workload.name());
        List<BenchModel> order = spec.runOrder();
        int models = order.size();
        double[][] times = new double[models][spec.repeats()];
        int[] tasks = new int[models];
        Answers answers = new Answers();
        long started = System.nanoTime();
        List<ExecutorService> executors = new ArrayList<>();
        try {
            for (BenchModel model : order) {
                executors.add(model.open());
            }
            for (int round = 0; round < spec.warmup() + spec.repeats(); round++) {
                boolean warm = round < spec.warmup();
                for (int m = 0; m < models; m++) {
                    progress.update(String.format(Locale.ROOT, "%s %d of %d: %s", warm ? "warm-up round" : "round",
                            warm ? round + 1 : round - spec.warmup() + 1, warm ? spec.warmup() : spec.repeats(),
                            order.get(m)));
                    List<? extends Callable<?>> batch = workload.tasks();
                    tasks[m] = batch.size();
                    ExecutorService executor = executors.get(m);
                    long start = System.nanoTime();
                    List<Object> results = executor == null ? sequential(batch, spec) : concurrent(executor, batch, spec);
                    double ms = (System.nanoTime() - start) / 1e6;
                    answers.check(order.get(m), workload.answer(results));
                    if (!warm) {
                        times[m][round - spec.warmup()] = ms;
                    }
                }
            }
        } finally {
            for (ExecutorService executor : executors.reversed()) {
                closeBounded(executor);
            }
        }
        List<BenchStats> stats = new ArrayList<>();
        List<Integer> concurrency = new ArrayList<>();
        List<Integer> taskCounts = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            stats.add(BenchStats.of(times[m]));
            concurrency.add(order.get(m).concurrency(tasks[m]));
            taskCounts.add(tasks[m]);
        }
        progress.done(String.format(Locale.ROOT, "%d models × (%d warm-up + %d rounds) in %.1f s", models,
                spec.warmup(), spec.repeats(), (System.nanoTime() - started) / 1e9));
        return table(spec, order, stats, concurrency, taskCounts, cores);
    }

    private static List<Object> sequential(List<? extends Callable<?>> batch, BenchSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + spec.runTimeout().toNanos();
        List<Object> results = new ArrayList<>(batch.size());
        for (Callable<?> task : batch) {
            if (Thread.interrupted()) {
                throw new InterruptedException("benchmark interrupted");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("a sequential run of '" + spec.workload().name() + "' took longer than "
                        + spec.runTimeout());
            }
            try {
                results.add(task.call());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new ExecutionException("a task of '" + spec.workload().name() + "' failed", e);
            }
        }
        return results;
    }

    private static List<Object> concurrent(ExecutorService executor, List<? extends Callable<?>> batch, BenchSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + spec.runTimeout().toNanos();
        List<Future<?>> futures = new ArrayList<>(batch.size());
        try {
            for (Callable<?> task : batch) {
                futures.add(executor.submit(task));
            }
            List<Object> results = new ArrayList<>(batch.size());
            for (Future<?> f : futures) {
                results.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (TimeoutException e) {
            TimeoutException late = new TimeoutException("a run of '" + spec.workload().name() + "' took longer than "
                    + spec.runTimeout() + "; its unfinished tasks were cancelled");
            late.initCause(e);
            throw late;
        } finally {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
    }

    /** Shuts an executor down and waits a bounded time for it; a straggler is interrupted. */
    private static void closeBounded(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The ideal time of a run: see the class comment. */
    static double boundMs(BenchWorkload workload, double sequentialMs, int tasks, int concurrency, int cores) {
        if (workload.bound() == BenchWorkload.Bound.CPU) {
            return sequentialMs / Math.min(concurrency, cores);
        }
        long rounds = (tasks + (long) concurrency - 1) / concurrency;
        return workload.latency().toNanos() / 1e6 * rounds;
    }

    private static Table table(BenchSpec spec, List<BenchModel> order, List<BenchStats> stats,
            List<Integer> concurrency, List<Integer> taskCounts, int cores) {
        BenchWorkload workload = spec.workload();
        double sequentialMs = stats.get(0).medianMs();
        Table t = emptyTable(String.format(Locale.ROOT, "%s · median of %d %s after %d warm-up · %d %s",
                workload.name(), spec.repeats(), spec.repeats() == 1 ? "run" : "runs", spec.warmup(), cores,
                cores == 1 ? "core" : "cores"));
        for (int i = 0; i < order.size(); i++) {
            BenchStats s = stats.get(i);
            t.stringColumn(0).append(workload.name());
            t.stringColumn(1).append(order.get(i).label());
            t.intColumn(2).append(concurrency.get(i));
            t.doubleColumn(3).append(round(s.medianMs()));
            t.doubleColumn(4).append(round(s.minMs()));
            t.doubleColumn(5).append(round(s.maxMs()));
            t.doubleColumn(6).append(round(boundMs(workload, sequentialMs, taskCounts.get(i), concurrency.get(i), cores)));
            t.doubleColumn(7).append(Math.round(sequentialMs / s.medianMs() * 100) / 100.0);
        }
        return t;
    }

    /** Returns an empty table with the harness's {@link #COLUMNS}, typed: text, text, int, then doubles. */
    static Table emptyTable(String title) {
        return Table.create(title, StringColumn.create(COLUMNS.get(0)), StringColumn.create(COLUMNS.get(1)),
                IntColumn.create(COLUMNS.get(2)), DoubleColumn.create(COLUMNS.get(3)), DoubleColumn.create(COLUMNS.get(4)),
                DoubleColumn.create(COLUMNS.get(5)), DoubleColumn.create(COLUMNS.get(6)), DoubleColumn.create(COLUMNS.get(7)));
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** Holds the first answer a run gave and checks every later one against it. */
    private static final class Answers {
        private Object expected;
        private BenchModel from;

        void check(BenchModel model, Object answer) {
            if (answer == null) {
                return;
            }
            if (expected == null) {
                expected = answer;
                from = model;
            } else if (!Objects.equals(expected, answer)) {
                throw new IllegalStateException(model + " computed " + answer + " but " + from + " computed " + expected
                        + ": the runs disagree, so their times are not comparable");
            }
        }
    }
}
