package concurrencylab.notebook;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.time.Duration;
import java.util.Objects;

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
 * listening sockets with the ones there were at {@link #start} ({@link LeakCheck}), and throws
 * if anything the lesson started is still alive after a short grace period, so a notebook that
 * leaks fails in CI.
 *
 * <p>Thread safety: meant for the notebook's own thread; not for concurrent use.
 */
public final class Lesson {
    /** The easter egg's signature: the course author's brand, 程序员晚枫 ("Wanfeng the programmer"). */
    public static final String SIGNATURE = "程序员晚枫";

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final String title;
    private final long startNanos = System.nanoTime();
    private final LeakCheck baseline;

    private Lesson(String title, LeakCheck baseline) {
        this.title = title;
        this.baseline = baseline;
    }

    /**
     * Starts a lesson: prints its title, the JDK, the cores and the scale, and records what is
     * running now as the leak baseline.
     *
     * @throws IllegalArgumentException if the title is blank or COURSE_SCALE is not quick/full
     */
    public static Lesson start(String title) {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a title, e.g. \"7.2 Executors\"");
        }
        Scale scale = scale();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println(String.format("%s · JDK %s · %d %s · scale %s%s", title, Runtime.version(),
                cores, cores == 1 ? "core" : "cores", scale,
                Notebook.inKernel() ? "" : " · (not in a notebook kernel)"));
        return new Lesson(title, LeakCheck.snapshot());
    }

    /** Returns the run size chosen with the COURSE_SCALE environment variable (quick by default). */
    public static Scale scale() {
        return Scale.parse(System.getenv("COURSE_SCALE"));
    }

    /** Returns the easter egg's signed line for {@code message}, e.g. {@code [程序员晚枫] port 8080 is open}. */
    public static String signed(String message) {
        return "[" + SIGNATURE + "] " + message;
    }

    /** Prints the easter egg's signed line for {@code message}. */
    public static void egg(String message) {
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
        LeakReport leaks = baseline.leaksSince(GRACE);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!leaks.isClean()) {
            throw new IllegalStateException(title + " leaked: " + leaks
                    + ". Close executors with try-with-resources and servers with close().");
        }
        System.out.println(String.format("%s finished in %.1f s · leak check clean: %s", title, seconds, leaks.counts()));
    }
}
