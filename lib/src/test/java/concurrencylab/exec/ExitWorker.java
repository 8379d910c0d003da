package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.PortableCallable;

/** Test task: calls System.exit in a worker JVM (and refuses to anywhere else). */
record ExitWorker(int status) implements PortableCallable<Void> {
    @Override
    public Void call() {
        if (!Boolean.getBoolean(LabTasks.WORKER_PROPERTY)) {
            throw new IllegalStateException("ExitWorker refuses to exit a JVM that is not a pool worker");
        }
        System.exit(status);
        return null;
    }
}
