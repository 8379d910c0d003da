package concurrencylab.lab.bench;

import concurrencylab.cli.JmhBenchmark;
import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.PortableCallable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reference microbenchmarks, measured with JMH rather than by hand: counting primes in
 * chunks sequentially, on two platform threads and on virtual threads; and what it costs to
 * start and join one platform thread versus one virtual thread.
 * {@snippet lang=sh :
 * ./course bench jmh        # JmhBenchmark: fork 1, short iterations, build/bench/jmh.csv
 * }
 * <p>Run through {@link JmhBenchmark}; JMH's annotation processor generates the harness
 * classes and {@code META-INF/BenchmarkList} at build time. Introduced in notebook
 * {@code 07.1-No-GIL}. Thread safety: JMH gives each benchmark thread its own state per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReferenceMicrobench {

    /** Primes below this, in {@link #CHUNKS} chunks, per call of a primes benchmark. */
    static final long LIMIT = 200_000;
    static final int CHUNKS = 16;

    private final List<PortableCallable<Long>> chunks = new ArrayList<>();
    private ExecutorService twoThreads;
    private ExecutorService virtual;

    /** Creates the chunks and the two executors, once per trial. */
    @Setup(Level.Trial)
    public void open() {
        for (int c = 0; c < CHUNKS; c++) {
            chunks.add(LabTasks.countPrimes(LIMIT * c / CHUNKS, LIMIT * (c + 1) / CHUNKS));
        }
        twoThreads = Executors.newFixedThreadPool(2);
        virtual = Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Closes the executors at the end of the trial. */
    @TearDown(Level.Trial)
    public void close() {
        twoThreads.close();
        virtual.close();
    }

    /** Counts the primes below {@link #LIMIT}, chunk after chunk, in the benchmark thread. */
    @Benchmark
    public long primesSequential() throws Exception {
        long total = 0;
        for (PortableCallable<Long> chunk : chunks) {
            total += chunk.call();
        }
        return total;
    }

    /** Counts the same chunks on a pool of two platform threads. */
    @Benchmark
    public long primesTwoPlatformThreads() throws Exception {
        return onPool(twoThreads);
    }

    /** Counts the same chunks on one virtual thread per chunk. */
    @Benchmark
    public long primesVirtualThreads() throws Exception {
        return onPool(virtual);
    }

    /** Starts one platform thread running an empty task and joins it. */
    @Benchmark
    public void startJoinPlatformThread() throws InterruptedException {
        Thread.ofPlatform().start(ReferenceMicrobench::nothing).join();
    }

    /** Starts one virtual thread running an empty task and joins it. */
    @Benchmark
    public void startJoinVirtualThread() throws InterruptedException {
        Thread.ofVirtual().start(ReferenceMicrobench::nothing).join();
    }

    private long onPool(ExecutorService pool) throws Exception {
        List<Future<Long>> futures = new ArrayList<>(chunks.size());
        for (PortableCallable<Long> chunk : chunks) {
            futures.add(pool.submit(chunk));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        return total;
    }

    private static void nothing() {
        // the cost measured is the thread's own
    }
}
