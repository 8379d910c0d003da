package concurrencylab.tasks;

/** Does nothing and returns 0: measures pure overhead. See {@link LabTasks#noop}. */
record NoOp() implements PortableCallable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
