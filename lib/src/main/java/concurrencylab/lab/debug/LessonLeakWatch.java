package concurrencylab.lab.debug;

import concurrencylab.notebook.LeakWatch;

/**
 * The leak check every notebook's {@code lesson.finish()} runs: {@link LeakCheck} behind the
 * notebook package's {@link LeakWatch} interface. Registered in
 * {@code META-INF/services/concurrencylab.notebook.LeakWatch}; not meant to be called directly.
 *
 * <p>Thread safety: stateless; its baselines are {@link LeakCheck} snapshots, immutable.
 */
public final class LessonLeakWatch implements LeakWatch {

    /** For {@link java.util.ServiceLoader}. */
    public LessonLeakWatch() {
    }

    @Override
    public Baseline snapshot() {
        LeakCheck check = LeakCheck.snapshot();
        return grace -> findings(check.leaksSince(grace));
    }

    private static Findings findings(LeakReport report) {
        return new Findings(report.isClean(), report.toString(), report.counts());
    }

    @Override
    public String toString() {
        return "LeakCheck (threads, child processes, listening ports)";
    }
}
