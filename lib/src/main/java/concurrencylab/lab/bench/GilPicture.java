package concurrencylab.lab.bench;

import concurrencylab.tasks.LabTasks;
import concurrencylab.util.Canvas;
import concurrencylab.util.Require;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * The GIL in one picture: two threads doing the same CPU work, drawn as timelines. The Java
 * lanes are measured on this machine (two platform threads counting primes, each chunk's start
 * and end recorded); the Python lanes are drawn from CPython's rule for the same amount of
 * work per thread: one thread holds the global interpreter lock at a time and hands it over
 * every switch interval (5 ms by default, {@code sys.getswitchinterval()}), so two threads
 * take turns on one core.
 * {@snippet :
 * GilPicture.draw()     // as a cell's value: an inline PNG
 * }
 * <p>Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless; {@link #javaMeasured}
 * starts two threads and joins them before returning.
 */
public final class GilPicture {

    /** CPython's default switch interval, in milliseconds. */
    public static final double PYTHON_SWITCH_MS = 5.0;

    private static final Color RUN_A = new Color(0x1971C2);
    private static final Color RUN_B = new Color(0xE8590C);
    private static final Color WAIT = new Color(0xE9ECEF);
    private static final int WIDTH = 960;
    private static final int LEFT = 190;
    private static final int RIGHT = 30;
    private static final int LANE = 30;

    /**
     * One stretch of running: lane 0 or 1, from {@code startMs} to {@code endMs} after the start.
     *
     * @param lane    0 or 1
     * @param startMs when the stretch began, ms after the run started
     * @param endMs   when it ended
     */
    public record Slice(int lane, double startMs, double endMs) {
    }

    private GilPicture() {
    }

    /**
     * Returns the Python lanes for two threads that each need {@code workMs} of CPU: they
     * alternate every {@code switchMs}, as under the GIL.
     *
     * @throws IllegalArgumentException if either duration is not positive, or the turns would number over 100,000
     */
    public static List<Slice> pythonModel(double workMs, double switchMs) {
        Require.that(workMs > 0 && switchMs > 0 && workMs / switchMs <= 50_000, "work and switch interval",
                "both positive, at most 50,000 turns per thread", "work " + workMs + " ms, switch " + switchMs + " ms");
        List<Slice> slices = new ArrayList<>();
        double[] left = {workMs, workMs};
        double now = 0;
        int lane = 0;
        while (left[0] > 0 || left[1] > 0) {
            if (left[lane] > 0) {
                double turn = Math.min(switchMs, left[lane]);
                slices.add(new Slice(lane, now, now + turn));
                left[lane] -= turn;
                now += turn;
            }
            lane = 1 - lane;
        }
        return slices;
    }

    /**
     * Runs two platform threads, each counting the primes in half of {@code chunks} chunks
     * below {@code below}, and returns when each chunk ran.
     *
     * @throws IllegalArgumentException if {@code below < 2} or {@code chunks} is not an even number 2..1000
     * @throws TimeoutException if the threads have not finished within 60 s
     * @throws InterruptedException if interrupted while waiting
     */
    public static List<Slice> javaMeasured(long below, int chunks) throws InterruptedException, TimeoutException {
        Require.atLeast("below", below, 2);
        Require.that(chunks >= 2 && chunks <= 1000 && chunks % 2 == 0, "chunks", "an even number 2 to 1000", chunks);
        List<Slice> slices = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        long[] origin = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int me = lane;
            threads.add(Thread.ofPlatform().name("gil-picture-" + lane).start(() -> {
                try {
                    go.await();
                    for (int c = me; c < chunks; c += 2) {
                        long start = System.nanoTime();
                        LabTasks.countPrimes(below * c / chunks, below * (c + 1) / chunks).call();
                        slices.add(new Slice(me, (start - origin[0]) / 1e6, (System.nanoTime() - origin[0]) / 1e6));
                    }
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        origin[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            if (!t.join(Duration.ofSeconds(60))) {
                threads.forEach(Thread::interrupt);
                throw new TimeoutException("the two counting threads had not finished after 60 s");
            }
        }
        return List.copyOf(slices);
    }

    /**
     * Measures two Java threads counting the primes below 1,000,000 (after one unmeasured run
     * to warm up the JIT) and draws them under the Python lanes for the same work per thread.
     * The work per thread is CPU time ({@link #cpuMsPerThread}), not the Java lanes' wall time:
     * on a busy or one-core machine a Java lane also spans the moments its core ran something
     * else, and the Python panel must not count those twice.
     *
     * @throws TimeoutException if a measured run takes over 60 s
     * @throws InterruptedException if interrupted while waiting
     */
    public static BufferedImage draw() throws InterruptedException, TimeoutException {
        javaMeasured(1_000_000, 40);
        List<Slice> java = javaMeasured(1_000_000, 40);
        return draw(pythonModel(cpuMsPerThread(1_000_000, java), PYTHON_SWITCH_MS), java);
    }

    /**
     * Returns the CPU time one of the two threads needs for its half of the work: the primes
     * below {@code below} counted on the calling thread, its CPU time halved. Where thread CPU
     * time cannot be measured, returns half the wall time of the measured {@code java} slices.
     */
    static double cpuMsPerThread(long below, List<Slice> java) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isCurrentThreadCpuTimeSupported()) {
            return java.stream().mapToDouble(s -> s.endMs() - s.startMs()).sum() / 2;
        }
        long start = mx.getCurrentThreadCpuTime();
        try {
            LabTasks.countPrimes(0, below).call();
        } catch (Exception e) {
            throw new IllegalStateException("counting primes failed", e);
        }
        return (mx.getCurrentThreadCpuTime() - start) / 1e6 / 2;
    }

    /**
     * Draws the two panels, Python above Java, on one time axis.
     *
     * @throws IllegalArgumentException if either list is empty
     */
    public static BufferedImage draw(List<Slice> python, List<Slice> java) {
        Require.notEmpty("python", python);
        Require.notEmpty("java", java);
        double pyEnd = end(python);
        double javaEnd = end(java);
        double span = Math.max(pyEnd, javaEnd);
        return Canvas.paint(WIDTH, 330, g -> {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Two threads, the same CPU work each", 20, 26);
            panel(g, 50, String.format(Locale.ROOT, "Python with the GIL (drawn from its rule: one holder, a turn every %.0f ms): %.0f ms",
                    PYTHON_SWITCH_MS, pyEnd), python, span, "thread");
            panel(g, 170, String.format(Locale.ROOT, "Java, no GIL (measured here, two platform threads): %.0f ms", javaEnd),
                    java, span, "thread");
            axis(g, 285, span);
        });
    }

    private static void panel(Graphics2D g, int top, String title, List<Slice> slices, double span, String lanePrefix) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, 20, top + 14);
        for (int lane = 0; lane < 2; lane++) {
            int y = top + 24 + lane * (LANE + 8);
            g.setColor(Color.DARK_GRAY);
            g.drawString(lanePrefix + " " + (lane + 1), 40, y + LANE / 2 + 5);
            g.setColor(WAIT);
            g.fillRect(LEFT, y, x(end(slices), span) - LEFT, LANE);
            g.setColor(lane == 0 ? RUN_A : RUN_B);
            for (Slice s : slices) {
                if (s.lane() == lane) {
                    int x0 = x(s.startMs(), span);
                    int x1 = Math.max(x0 + 1, x(s.endMs(), span));
                    g.fillRect(x0, y, x1 - x0, LANE);
                }
            }
        }
    }

    private static void axis(Graphics2D g, int y, double span) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double step = niceStep(span / 8);
        for (double t = 0; t <= span + 1e-9; t += step) {
            int x = x(t, span);
            g.drawLine(x, y, x, y + 5);
            g.drawString(String.format(Locale.ROOT, "%.0f", t), x - 8, y + 19);
        }
        g.drawString("ms", WIDTH - RIGHT - 14, y + 36);
        g.setColor(WAIT);
        g.fillRect(LEFT, y + 26, 14, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString("waiting (for the GIL, or already done)", LEFT + 20, y + 37);
        g.setColor(RUN_A);
        g.fillRect(LEFT + 300, y + 26, 14, 12);
        g.setColor(RUN_B);
        g.fillRect(LEFT + 316, y + 26, 14, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString("running on a core", LEFT + 336, y + 37);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static int x(double ms, double span) {
        return LEFT + (int) Math.round(ms / span * (WIDTH - LEFT - RIGHT));
    }

    private static double end(List<Slice> slices) {
        double end = 0;
        for (Slice s : slices) {
            end = Math.max(end, s.endMs());
        }
        return end;
    }
}
