package concurrencylab.tasks;

/** Reports the process and thread it runs on. See {@link LabTasks#whoRanMe}. */
record WhoRanMe() implements PortableCallable<WhoRan> {
    @Override
    public WhoRan call() {
        return WhoRan.current();
    }
}
