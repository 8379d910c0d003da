package concurrencylab.cli;

import concurrencylab.exec.WorkerCache;
import concurrencylab.tasks.LabTasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code WorkerCacheTraining CACHE}: records the process pool workers' AOT cache into
 * {@code CACHE} ({@link WorkerCache#record}) from one worker that runs what the lessons send a
 * worker: no-op round trips, the primes job in chunks, SHA-256 rounds, a short sleep, where it
 * ran. Run by {@code kernel-setup/build-aot.sh} (from {@code ./course setup}); every wait is
 * bounded by {@value #WAIT_SECONDS} s. Exit status: 0 recorded, 1 failed (the message says why),
 * 2 bad arguments.
 *
 * <p>Thread safety: a command-line main.
 */
public final class WorkerCacheTraining {

    static final long WAIT_SECONDS = 120;

    private WorkerCacheTraining() {
    }

    /** Records the cache into {@code args[0]}; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank() || args[0].startsWith("-")) {
            System.err.println("usage: WorkerCacheTraining CACHE (a file path, e.g. lib/target/aot/worker.aot)");
            System.exit(2);
        }
        try {
            WorkerCache.record(Path.of(args[0]), WorkerCacheTraining::workload);
        } catch (java.io.IOException e) {
            System.err.println("worker AOT cache: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The training tasks, each waited for with a bound. */
    static void workload(ExecutorService pool) throws Exception {
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tasks.add(LabTasks.noop());
        }
        for (int i = 15; i >= 0; i--) {
            tasks.add(LabTasks.countPrimes(2_000_000L * i / 16, 2_000_000L * (i + 1) / 16));
        }
        for (int i = 0; i < 4; i++) {
            tasks.add(LabTasks.sha256Hex("training " + i, 20_000));
        }
        tasks.add(LabTasks.sleep(10));
        tasks.add(LabTasks.reportExecutionSite());
        for (Callable<?> task : tasks) {
            Future<?> f = pool.submit(task);
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
