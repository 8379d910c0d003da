package concurrencylab.tasks;

/** Sleeps, then returns the milliseconds actually slept. See {@link LabTasks#sleep}. */
record Sleeper(long millis) implements PortableCallable<Long> {

    Sleeper {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep needs millis >= 0, got " + millis);
        }
    }

    @Override
    public Long call() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
