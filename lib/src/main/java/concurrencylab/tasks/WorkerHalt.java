package concurrencylab.tasks;

/**
 * Halts the worker JVM it runs in, as a crash would. See {@link LabTasks#haltWorker}.
 * Refuses to run anywhere but in a process-pool worker, so it can never stop a notebook kernel.
 */
record WorkerHalt(int status) implements PortableCallable<Void> {

    @Override
    public Void call() {
        if (!Boolean.getBoolean(LabTasks.WORKER_PROPERTY)) {
            throw new IllegalStateException("haltWorker only runs in a ProcessPool worker JVM;"
                    + " here it would stop this JVM (pid " + ProcessHandle.current().pid() + "), so it refuses");
        }
        Runtime.getRuntime().halt(status);
        return null;
    }
}
