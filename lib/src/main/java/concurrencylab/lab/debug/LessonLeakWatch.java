package concurrencylab.lab.debug;

import concurrencylab.kernel.CellSession;
import concurrencylab.notebook.LeakWatch;
import java.util.Map;
import java.util.stream.Collectors;

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
        return new Findings(report.isClean(), report + startedBy(report), report.counts());
    }

    /** Names the notebook cell ({@code In [n]}) that started each leaked thread, when the kernel knows it. */
    static String startedBy(LeakReport leaks) {
        Map<Long, Integer> origins = CellSession.threadOrigins();
        String named = leaks.threads().stream().filter(t -> origins.containsKey(t.tid()))
                .map(t -> t.name() + " in cell [" + origins.get(t.tid()) + "]")
                .collect(Collectors.joining(", "));
        return named.isEmpty() ? "" : "\n  started by: " + named;
    }

    @Override
    public String toString() {
        return "LeakCheck (threads, child processes, listening ports)";
    }
}
