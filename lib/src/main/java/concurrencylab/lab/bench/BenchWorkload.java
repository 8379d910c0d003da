package concurrencylab.lab.bench;

import concurrencylab.tasks.LabTasks;
import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a benchmark runs: a batch of tasks handed out afresh for every run, whether the batch
 * is bound by the CPU or by waiting, and how to check that a run computed the right thing.
 * {@snippet :
 * BenchWorkload primes = BenchWorkload.primes(2_000_000, 16);      // CPU: 16 chunks of countPrimes
 * BenchWorkload hashes = BenchWorkload.sha256(16, 50_000);         // CPU: 16 texts, 50,000 rounds each
 * BenchWorkload naps   = BenchWorkload.sleeps(100, Duration.ofMillis(50)); // I/O stand-in
 * }
 * The built-in workloads use {@link LabTasks}, so they also run in a process pool.
 * {@link #io} is the hook for other waits (for example fetches from the lab server): give it
 * the latency one task waits and a supplier of the tasks.
 *
 * <p>Thread safety: immutable; {@link #tasks()} calls the supplier, which must be safe to call
 * from the harness's thread.
 */
public final class BenchWorkload {

    /** What limits a workload: the cores, or the waiting. */
    public enum Bound {
        /** Limited by the cores: the ideal time is sequential time / min(workers, cores). */
        CPU,
        /** Limited by waiting: the ideal time is latency × ceil(tasks / concurrency). */
        IO
    }

    private final String name;
    private final Bound bound;
    private final Duration latency;
    private final Supplier<? extends List<? extends Callable<?>>> tasks;
    private final Function<List<?>, ?> answer;

    private BenchWorkload(String name, Bound bound, Duration latency,
            Supplier<? extends List<? extends Callable<?>>> tasks, Function<List<?>, ?> answer) {
        this.name = name;
        this.bound = bound;
        this.latency = latency;
        this.tasks = tasks;
        this.answer = answer;
    }

    /**
     * Returns a CPU-bound workload: the primes below {@code below}, counted in {@code chunks}
     * equal ranges with {@link LabTasks#countPrimes}; a run's answer is the total count.
     * The ranges come highest first: a higher range costs more, and handing out the dearest
     * chunks first keeps a worker from being left alone with a big one at the end
     * ({@code ./course bench processes} measures it; {@code datasets/reference/MACHINE.md},
     * section "Process pool", has the runs).
     *
     * @throws IllegalArgumentException if {@code below < 2} or {@code chunks} is outside 1..below
     */
    public static BenchWorkload primes(long below, int chunks) {
        Require.atLeast("below", below, 2);
        Require.inRange("chunks", chunks, 1, below);
        String name = String.format(Locale.ROOT, "primes below %,d in %d chunks", below, chunks);
        return new BenchWorkload(name, Bound.CPU, Duration.ZERO, () -> {
            List<Callable<?>> list = new ArrayList<>(chunks);
            for (int c = chunks - 1; c >= 0; c--) {
                list.add(LabTasks.countPrimes(below * c / chunks, below * (c + 1) / chunks));
            }
            return list;
        }, BenchWorkload::sumOfLongs);
    }

    /**
     * Returns a CPU-bound workload: {@code texts} different texts, each hashed {@code rounds}
     * times with {@link LabTasks#sha256Hex}; a run's answer is the list of final digests.
     *
     * @throws IllegalArgumentException if {@code texts < 1} or {@code rounds < 1}
     */
    public static BenchWorkload sha256(int texts, int rounds) {
        Require.atLeast("texts", texts, 1);
        Require.atLeast("rounds", rounds, 1);
        String name = String.format(Locale.ROOT, "SHA-256 × %,d rounds on %d texts", rounds, texts);
        return new BenchWorkload(name, Bound.CPU, Duration.ZERO, () -> {
            List<Callable<?>> list = new ArrayList<>(texts);
            for (int t = 0; t < texts; t++) {
                list.add(LabTasks.sha256Hex("text " + t, rounds));
            }
            return list;
        }, List::copyOf);
    }

    /**
     * Returns an I/O-bound stand-in: {@code tasks} tasks that each sleep {@code latency}
     * ({@link LabTasks#sleep}); no answer is checked.
     *
     * @throws IllegalArgumentException if {@code tasks < 1} or the latency is null, negative or over an hour
     */
    public static BenchWorkload sleeps(int tasks, Duration latency) {
        Require.inRange("latency", latency, Duration.ZERO, Duration.ofHours(1));
        Require.atLeast("tasks", tasks, 1);
        String name = String.format(Locale.ROOT, "%,d sleeps of %d ms", tasks, latency.toMillis());
        return new BenchWorkload(name, Bound.IO, latency, () -> {
            List<Callable<?>> list = new ArrayList<>(tasks);
            for (int t = 0; t < tasks; t++) {
                list.add(LabTasks.sleep(latency.toMillis()));
            }
            return list;
        }, results -> null);
    }

    /**
     * Returns a CPU-bound workload of your own. For a process pool the tasks must be
     * {@link concurrencylab.tasks.PortableCallable}s from the library's classpath.
     *
     * @param name  shown in tables and charts
     * @param tasks called once per run (warm-up runs included) for that run's tasks
     * @throws IllegalArgumentException if {@code name} is blank or {@code tasks} is null
     */
    public static BenchWorkload cpu(String name, Supplier<? extends List<? extends Callable<?>>> tasks) {
        return new BenchWorkload(Require.notBlank("name", name), Bound.CPU, Duration.ZERO, Require.nonNull("tasks", tasks), results -> null);
    }

    /**
     * Returns an I/O-bound workload of your own, for example fetches from the lab server;
     * {@code latency} is what one task waits, used for the bound column.
     *
     * @param tasks called once per run (warm-up runs included) for that run's tasks
     * @throws IllegalArgumentException if {@code name} is blank, {@code tasks} is null, or the
     *     latency is null, negative or over an hour
     */
    public static BenchWorkload io(String name, Duration latency, Supplier<? extends List<? extends Callable<?>>> tasks) {
        Require.inRange("latency", latency, Duration.ZERO, Duration.ofHours(1));
        return new BenchWorkload(Require.notBlank("name", name), Bound.IO, latency, Require.nonNull("tasks", tasks), results -> null);
    }

    /**
     * Returns this workload with a check: {@code answer} turns a run's results (in task order)
     * into a value that must be equal for every run and every model, e.g. a total.
     *
     * @throws IllegalArgumentException if {@code answer} is null
     */
    public BenchWorkload withAnswer(Function<List<?>, ?> answer) {
        Require.nonNull("answer", answer);
        return new BenchWorkload(name, bound, latency, tasks, answer);
    }

    /** Returns the name shown in tables and charts. */
    public String name() {
        return name;
    }

    /** Returns what limits this workload. */
    public Bound bound() {
        return bound;
    }

    /** Returns what one task waits ({@link Bound#IO}); zero for CPU-bound workloads. */
    public Duration latency() {
        return latency;
    }

    /**
     * Returns a fresh batch of tasks for one run.
     *
     * @throws IllegalStateException if the supplier returns null or no tasks
     */
    public List<? extends Callable<?>> tasks() {
        List<? extends Callable<?>> batch = tasks.get();
        if (batch == null || batch.isEmpty()) {
            throw new IllegalStateException("workload '" + name + "' supplied no tasks; a run needs at least one");
        }
        return batch;
    }

    /** Returns a run's answer from its results in task order; null means nothing to check. */
    Object answer(List<?> results) {
        return answer.apply(results);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Object sumOfLongs(List<?> results) {
        long total = 0;
        for (Object r : results) {
            total += (Long) r;
        }
        return total;
    }
}
