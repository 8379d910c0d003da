package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many cores this JVM actually gets right now: {@code n} platform threads spin for a
 * moment, and the CPU time they received is divided by the wall time. On an idle machine
 * with at least {@code n} cores the answer is close to {@code n}; when other programs keep
 * the cores busy it is lower, and no thread pool can beat it.
 * {@snippet :
 * CoreShare.measure(2, Duration.ofMillis(500))   // close to 2 on an idle machine of 2 or more cores, lower when it is busy
 * }
 * <p>Introduced in notebook {@code 07.1-No-GIL}; printed by {@code ./course bench cpu}.
 * Thread safety: each call starts and joins its own threads.
 */
public final class CoreShare {

    private CoreShare() {
    }

    /**
     * Spins {@code threads} platform threads for {@code spin} each and returns the cores
     * obtained: their total CPU time divided by the wall time; NaN if this JVM cannot measure
     * thread CPU time.
     *
     * @throws NullPointerException     if {@code spin} is null
     * @throws IllegalArgumentException if {@code threads} is outside 1..256 or {@code spin} is
     *     outside 1 ms..10 s
     * @throws TimeoutException if the threads have not ended 30 s after they should have
     * @throws InterruptedException if interrupted while waiting
     */
    public static double measure(int threads, Duration spin) throws InterruptedException, TimeoutException {
        Require.inRange("threads", threads, 1, 256);
        Require.inRange("spin", spin, Duration.ofMillis(1), Duration.ofSeconds(10));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isCurrentThreadCpuTimeSupported()) {
            return Double.NaN;
        }
        AtomicLongArray cpu = new AtomicLongArray(threads);
        Thread[] spinners = new Thread[threads];
        long start = System.nanoTime();
        long end = start + spin.toNanos();
        for (int i = 0; i < threads; i++) {
            int me = i;
            spinners[i] = Thread.ofPlatform().name("core-share-" + i).start(() -> {
                long begin = mx.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    Thread.onSpinWait(); // busy: the thread wants its core the whole time
                }
                cpu.set(me, mx.getCurrentThreadCpuTime() - begin);
            });
        }
        for (Thread t : spinners) {
            if (!t.join(Duration.ofNanos(Math.max(1, end + Duration.ofSeconds(30).toNanos() - System.nanoTime())))) {
                throw new TimeoutException(t.getName() + " had not ended 30 s after its spin");
            }
        }
        double wall = System.nanoTime() - start;
        long total = 0;
        for (int i = 0; i < threads; i++) {
            total += cpu.get(i);
        }
        return total / wall;
    }
}
