package concurrencylab.notebook;

import concurrencylab.util.Require;
import java.time.Duration;

/**
 * One notebook's run: the first cell starts it, the last cell finishes it with a leak check.
 *
 * {@snippet :
 * var lesson = Lesson.start("7.2 Executors");   // first cell: prints JDK, cores, scale
 * // ... the lesson ...
 * lesson.finish();                              // last cell: fails if anything leaked
 * }
 *
 * <p>{@link #finish()} compares live threads (platform and virtual), child processes and
 * listening sockets with the ones there were at {@link #start} (the {@link LeakWatch} on the
 * class path: the lab's {@code LeakCheck}), and throws
 * if anything the lesson started is still alive after a short grace period, so a notebook that
 * leaks fails in CI. In the course kernel the message also says which cell ({@code In [n]})
 * started each leaked thread.
 *
 * <p>Thread safety: meant for the notebook's own thread; not for concurrent use.
 */
public final class Lesson {
    /**
     * The course's signature, 程序员晚枫 ("Wanfeng the programmer", the course author's brand):
     * the prefix of the lines {@link #printSigned} prints when something worth celebrating
     * happens (a callback fired, an open port found, a notebook done).
     */
    public static final String SIGNATURE = "程序员晚枫";

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final String title;
    private final long startNanos = System.nanoTime();
    private final LeakWatch.Baseline baseline;

    private Lesson(String title, LeakWatch.Baseline baseline) {
        this.title = title;
        this.baseline = baseline;
    }

    /**
     * Starts a lesson: prints its title, the JDK, the cores and the scale, and records what is
     * running now as the leak baseline.
     *
     * @throws NullPointerException     if the title is null
     * @throws IllegalArgumentException if the title is blank or COURSE_SCALE is not quick/full
     * @throws IllegalStateException if no leak check is on the class path ({@link LeakWatch#installed})
     */
    public static Lesson start(String title) {
        Require.notBlank("title", title);
        Scale scale = scale();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println(String.format("%s · JDK %s · %d %s · scale %s%s", title, Runtime.version(),
                cores, cores == 1 ? "core" : "cores", scale,
                Notebook.inKernel() ? "" : " · (not in a notebook kernel)"));
        return new Lesson(title, LeakWatch.installed().snapshot());
    }

    /** Returns the run size chosen with the COURSE_SCALE environment variable (quick by default). */
    public static Scale scale() {
        return Scale.parse(System.getenv("COURSE_SCALE"));
    }

    /** Returns {@code message} signed with {@link #SIGNATURE}, e.g. {@code [程序员晚枫] port 8080 is open}. */
    public static String signed(String message) {
        return "[" + SIGNATURE + "] " + message;
    }

    /** Prints {@code message} signed with {@link #SIGNATURE}: one line, {@link #signed}{@code (message)}. */
    public static void printSigned(String message) {
        System.out.println(signed(message));
    }

    /**
     * Ends the lesson: waits up to a few seconds for what the lesson started to end, then
     * prints the leak check.
     *
     * @throws IllegalStateException if threads, child processes or listening sockets started
     *     during the lesson are still alive; the message names them
     */
    public void finish() {
        LeakWatch.Findings leaks = baseline.leaksSince(GRACE);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!leaks.clean()) {
            throw new IllegalStateException(title + " leaked: " + leaks.description()
                    + ". Close executors with try-with-resources and servers with close().");
        }
        System.out.println(String.format("%s finished in %.1f s · leak check clean: %s", title, seconds, leaks.counts()));
    }
}
