package concurrencylab.lab.ports;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

/**
 * Samples the machine's listening ports ({@link ListeningPorts}) every 20 ms while open, so the
 * benchmark can tell a short-lived listener of another program from a port a scanner reported
 * open although nothing listened there (a self-connect). {@link #atEnds()} reads them only when
 * opened and closed, for a run timed as a whole process, which sampling slowed
 * ({@code datasets/reference/MACHINE.md}, "Scan benchmark", has the runs).
 * Thread-safe; {@link #close()} stops the sampling thread and waits for it (bounded).
 */
public final class ListenerWatch implements AutoCloseable {
    private final Set<Integer> seen = new ConcurrentSkipListSet<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts a watch that samples every 20 ms until closed. */
    public ListenerWatch() {
        this(true);
    }

    private ListenerWatch(boolean sampling) {
        sample();
        sampler = sampling ? Thread.ofPlatform().daemon().name("scan-benchmark-listener-watch").start(this::loop) : null;
    }

    /** Returns a watch that reads the listening ports now and when closed, with no thread between. */
    public static ListenerWatch atEnds() {
        return new ListenerWatch(false);
    }

    /** Returns every port seen listening since this watch was opened (so far). */
    public Set<Integer> seen() {
        return Set.copyOf(seen);
    }

    private void loop() {
        while (running) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        ListeningPorts.snapshot().ifPresent(seen::addAll);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
            sampler.join(java.time.Duration.ofSeconds(5));
        }
        sample();
    }
}
