package concurrencylab.exec;

import java.util.stream.Collectors;

/**
 * A parent JVM for the orphan test: creates a pool, prints "WORKER_PIDS p1 p2 ..." and
 * waits (bounded) to be killed.
 */
public final class OrphanParentMain {

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        try (var pool = ProcessPool.of(Integer.parseInt(args[0]))) {
            pool.submit(concurrencylab.tasks.LabTasks.noop()).get(60, java.util.concurrent.TimeUnit.SECONDS);
            String pids = pool.workerPids().stream().map(String::valueOf).collect(Collectors.joining(" "));
            System.out.println("WORKER_PIDS " + pids);
            System.out.flush();
            Thread.sleep(120_000);
            pool.shutdownNow();
        }
    }
}
