package concurrencylab.tasks;

import concurrencylab.util.Require;

/** Sleeps, then returns the milliseconds actually slept. See {@link LabTasks#sleep}. */
record Sleeper(long millis) implements PortableCallable<Long> {

    Sleeper {
        Require.atLeast("millis", millis, 0);
    }

    @Override
    public Long call() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
