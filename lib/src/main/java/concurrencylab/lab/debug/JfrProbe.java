package concurrencylab.lab.debug;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records a block of code with JDK Flight Recorder and summarises the concurrency events:
 * virtual-thread pinning and submit failures, long monitor enters and waits, long parks, and
 * CPU samples for a hot-method view (a built-in {@code py-spy top}).
 *
 * {@snippet :
 * JfrSummary s = JfrProbe.record(Duration.ofSeconds(5), () -> JfrWorkloads.pinnedInNativeFrame(3));
 * s.countsTable();
 * }
 *
 * <p>Uses JFR's own streaming API ({@link RecordingStream}); nothing is downloaded or attached.
 * Events whose stack is entirely JDK code (idle pool workers, JFR's own threads) are left out,
 * as are the JVM's service threads and the probe's own waiting, so what remains is what your
 * code did. The recording
 * stops when the block ends or the timeout passes, whichever is first; a block still running
 * then is interrupted.
 *
 * <p>Each call records independently; safe to call from any thread. Introduced in notebook
 * {@code 07.5-Debugging-Toolbox}.
 */
public final class JfrProbe {
    /** The event types the summary reports, besides CPU samples and any extra ones asked for. */
    public static final List<String> CONCURRENCY_EVENTS = List.of("jdk.VirtualThreadPinned",
            "jdk.VirtualThreadSubmitFailed", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
            "jdk.ThreadPark");
    /** Shortest monitor enter, monitor wait, park or pin that is recorded. */
    public static final Duration THRESHOLD = Duration.ofMillis(10);
    private static final String SAMPLE = "jdk.ExecutionSample";
    private static final int MAX_DETAIL = 160;
    private static final Set<String> STANDARD_FIELDS =
            Set.of("startTime", "duration", "eventThread", "stackTrace");

    private JfrProbe() {
    }

    /** Code to record; may throw. */
    @FunctionalInterface
    public interface Block {
        /** Runs the block. @throws Exception anything the block throws */
        void run() throws Exception;
    }

    /**
     * Records {@code block} and summarises the concurrency events and CPU samples.
     *
     * @param timeout the longest the block may run before recording stops and it is interrupted
     * @param block   the code to record; it runs on a fresh platform thread
     * @return the summary
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public static JfrSummary record(Duration timeout, Block block) {
        return record(timeout, List.of(), block);
    }

    /**
     * Records {@code block} as {@link #record(Duration, Block)} does, also reporting
     * {@code extraEvents} (e.g. your own {@code jdk.jfr.Event} subclasses, by name).
     *
     * @param timeout     the longest the block may run
     * @param extraEvents more event names to enable and report
     * @param block       the code to record
     * @return the summary
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public static JfrSummary record(Duration timeout, Collection<String> extraEvents, Block block) {
        Require.positive("timeout", timeout);
        var events = new ConcurrentLinkedQueue<JfrSummary.ConcurrencyEvent>();
        Map<String, Integer> topFrames = new ConcurrentHashMap<>();
        Map<String, Integer> userFrames = new ConcurrentHashMap<>();
        Map<List<JfrSummary.StackFrame>, Integer> stacks = new ConcurrentHashMap<>();
        try (RecordingStream rs = new RecordingStream()) {
            List<String> names = new ArrayList<>(CONCURRENCY_EVENTS);
            names.addAll(extraEvents);
            for (String name : names) {
                rs.enable(name).withThreshold(THRESHOLD).withStackTrace();
                rs.onEvent(name, e -> keep(e).ifPresent(events::add));
            }
            rs.enable(SAMPLE).withPeriod(Duration.ofMillis(10));
            rs.onEvent(SAMPLE, e -> {
                topFrame(e, false).ifPresent(m -> topFrames.merge(m, 1, Integer::sum));
                topFrame(e, true).ifPresent(m -> userFrames.merge(m, 1, Integer::sum));
                stack(e).ifPresent(st -> stacks.merge(st, 1, Integer::sum));
            });
            rs.startAsync();
            long start = System.nanoTime();
            boolean finished = runBounded(timeout, block);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            rs.stop();
            return new JfrSummary(List.copyOf(events), topFrames, userFrames, stacks, finished, elapsed);
        }
    }

    private static boolean runBounded(Duration timeout, Block block) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().name("jfr-probe-block").start(() -> {
            try {
                block.run();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        try {
            boolean finished = runner.join(timeout);
            if (!finished) {
                runner.interrupt();
                runner.join(Duration.ofSeconds(2));
            }
            if (failure.get() != null) {
                System.out.println("JfrProbe: the block threw " + failure.get());
            }
            return finished;
        } catch (InterruptedException e) {
            runner.interrupt();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<JfrSummary.ConcurrencyEvent> keep(RecordedEvent e) {
        List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
        String thread = threadName(e.getThread());
        boolean jdkOnly = !frames.isEmpty() && frames.stream().allMatch(f -> isJdk(f.getMethod()));
        boolean probeItself = frames.stream().filter(f -> !isJdk(f.getMethod())).findFirst()
                .map(f -> f.getMethod().getType().getName().equals(JfrProbe.class.getName())).orElse(false);
        if (jdkOnly || probeItself || isServiceThread(thread)) {
            return Optional.empty();
        }
        String where = frames.stream().filter(f -> !isJdk(f.getMethod())).findFirst()
                .or(() -> frames.stream().findFirst()).map(JfrProbe::frame).orElse("");
        return Optional.of(new JfrSummary.ConcurrencyEvent(e.getEventType().getName(),
                thread, e.getDuration(), where, detail(e)));
    }

    private static Optional<String> topFrame(RecordedEvent e, boolean userCodeOnly) {
        if (e.getStackTrace() == null) {
            return Optional.empty();
        }
        return e.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                .filter(m -> !userCodeOnly || !isJdk(m)).findFirst()
                .filter(m -> !m.getType().getName().equals(JfrProbe.class.getName()))
                .map(m -> simpleType(m.getType()) + "." + m.getName());
    }

    /**
     * Returns a sample's stack, outermost frame first, cut below the block: the probe's own
     * runner frames (and the thread start under them) are left out, so a flame graph starts at
     * the block. Samples taken inside the probe itself are dropped.
     */
    private static Optional<List<JfrSummary.StackFrame>> stack(RecordedEvent e) {
        if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()
                || isServiceThread(threadName(sampledThread(e)))) {
            return Optional.empty();
        }
        List<JfrSummary.StackFrame> outerFirst = new ArrayList<>();
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedMethod m = frames.get(i).getMethod();
            String type = m.getType().getName();
            if (type.contains("$$Lambda")) {
                continue; // a lambda's generated class: its body is the next frame
            }
            if (type.startsWith(JfrProbe.class.getName())) {
                if (!m.getName().contains("runBounded")) {
                    return Optional.empty(); // the probe's own work, not the block's
                }
                outerFirst.clear(); // everything so far was the probe's runner thread: start below it
                continue;
            }
            String name = simpleType(m.getType()).startsWith("$JShell$") ? "(notebook cell)"
                    : simpleType(m.getType()) + "." + m.getName();
            outerFirst.add(new JfrSummary.StackFrame(name, !isJdk(m)));
        }
        return outerFirst.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(outerFirst));
    }

    private static RecordedThread sampledThread(RecordedEvent e) {
        return e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
    }

    private static String detail(RecordedEvent e) {
        String all = e.getFields().stream()
                .filter(f -> !STANDARD_FIELDS.contains(f.getName()) && !f.getName().equals("address"))
                .filter(f -> !Long.valueOf(Long.MIN_VALUE).equals(e.getValue(f.getName())))
                .map(f -> f.getName() + "=" + value(e.getValue(f.getName())))
                .collect(Collectors.joining(", "));
        return all.length() <= MAX_DETAIL ? all : all.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static String value(Object v) {
        return switch (v) {
            case null -> "-";
            case RecordedClass c -> c.getName();
            case RecordedThread t -> threadName(t);
            default -> String.valueOf(v);
        };
    }

    private static String threadName(RecordedThread t) {
        if (t == null) {
            return "?";
        }
        String name = t.getJavaName();
        return name == null || name.isEmpty() ? "virtual#" + t.getJavaThreadId() : name;
    }

    private static boolean isServiceThread(String name) {
        return name.startsWith("JFR ") || name.equals("Common-Cleaner") || name.endsWith("-Poller")
                || name.startsWith("VirtualThread-") || name.equals("Reference Handler");
    }

    private static boolean isJdk(RecordedMethod m) {
        return DumpedThread.isJdkFrame(m.getType().getName());
    }

    private static String frame(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return simpleType(m.getType()) + "." + m.getName() + ":" + f.getLineNumber();
    }

    private static String simpleType(RecordedClass c) {
        String name = c.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
