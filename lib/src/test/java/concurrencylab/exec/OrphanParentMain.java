package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A parent JVM for the orphan test: creates a pool of N workers, makes every worker boot
 * (N concurrent sleeps, one per idle dispatcher), prints "WORKER_PIDS p1 p2 ..." and waits,
 * bounded, to be killed.
 */
public final class OrphanParentMain {

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        int workers = Integer.parseInt(args[0]);
        try (var pool = ProcessPool.of(workers)) {
            for (var f : pool.invokeAll(Collections.nCopies(workers, LabTasks.sleep(500)), 120, TimeUnit.SECONDS)) {
                f.get(1, TimeUnit.SECONDS);
            }
            String pids = pool.workerPids().stream().map(String::valueOf).collect(Collectors.joining(" "));
            System.out.println("WORKER_PIDS " + pids);
            System.out.flush();
            Thread.sleep(120_000);
            pool.shutdownNow();
        }
    }
}
