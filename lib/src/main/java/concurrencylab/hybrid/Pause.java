package concurrencylab.hybrid;

import concurrencylab.tasks.PortableCallable;
import concurrencylab.tasks.WhoRan;

/** Sleeps, then says who ran it: keeps a booted worker busy so the next one gets a task too. */
record Pause(long millis) implements PortableCallable<WhoRan> {
    @Override
    public WhoRan call() throws InterruptedException {
        Thread.sleep(millis);
        return WhoRan.current();
    }
}
