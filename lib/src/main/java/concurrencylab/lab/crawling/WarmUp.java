package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.PortableCallable;

/**
 * Warms a worker JVM: hashes a little so the JIT compiles SHA-256 before the clock starts, then
 * sleeps, which keeps this worker busy so the pool's next worker gets the next warm-up task.
 */
record WarmUp(int rounds, long pauseMillis) implements PortableCallable<ExecutionSite> {
    @Override
    public ExecutionSite call() throws Exception {
        LabTasks.sha256Report(new byte[512], rounds).call();
        Thread.sleep(pauseMillis);
        return ExecutionSite.here();
    }
}
