package concurrencylab.notebook;

import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What {@link Lesson} needs from a leak check: a baseline of what is alive now, and later what
 * appeared since and is still alive. The library students read defines this; the lab's
 * debugging toolbox implements it ({@code concurrencylab.lab.debug.LessonLeakWatch}, found
 * with {@link ServiceLoader} through {@code META-INF/services}), so that the notebook package
 * does not depend on the lab (the dependency runs the other way).
 *
 * <p>Thread safety: implementations must be safe to call from any thread; a baseline is an
 * immutable value.
 */
public interface LeakWatch {

    /** Records what is alive now: threads, child processes, listening sockets. */
    Baseline snapshot();

    /** What was alive at one moment. */
    interface Baseline {
        /**
         * Reports what appeared since this baseline and is still alive after up to {@code grace}.
         *
         * @throws IllegalArgumentException if {@code grace} is negative or too long for the check
         */
        Findings leaksSince(Duration grace);
    }

    /**
     * What a check found.
     *
     * @param clean       whether nothing that appeared is still alive
     * @param description what leaked, naming each thread, process and port (or that nothing did)
     * @param counts      how many threads, processes and ports were checked, in one short line
     */
    record Findings(boolean clean, String description, String counts) {
    }

    /**
     * Returns the leak check on the class path: the first {@code LeakWatch} that
     * {@link ServiceLoader} finds with this interface's class loader.
     *
     * @throws IllegalStateException if there is none (the lab jar is missing)
     */
    static LeakWatch installed() {
        Optional<LeakWatch> found = ServiceLoader.load(LeakWatch.class, LeakWatch.class.getClassLoader()).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no leak check on the class path: the course"
                + " library's jar (with concurrencylab.lab.debug and META-INF/services) must be on it"));
    }
}
