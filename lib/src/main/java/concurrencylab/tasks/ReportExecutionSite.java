package concurrencylab.tasks;

/** Reports where it runs: process, thread, carrier. See {@link LabTasks#reportExecutionSite}. */
record ReportExecutionSite() implements PortableCallable<ExecutionSite> {
    @Override
    public ExecutionSite call() {
        return ExecutionSite.here();
    }
}
