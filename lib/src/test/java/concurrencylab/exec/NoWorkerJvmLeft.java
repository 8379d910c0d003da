package concurrencylab.exec;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: after each test (so after its executor was closed), no worker JVM that
 * appeared during the test is still alive. Worker JVMs are found among this JVM's
 * descendant processes by their main class; ones alive before the test are ignored. The
 * wait is bounded; leftovers are killed, so later tests start clean, and fail the test.
 */
final class NoWorkerJvmLeft implements BeforeEachCallback, AfterEachCallback {

    /** How long worker JVMs may take to be gone after close() returned. */
    static final Duration GONE_WAIT = Duration.ofSeconds(15);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoWorkerJvmLeft.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", workerJvms());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NS).get("before", Set.class);
        Set<Long> left = awaitGone(before, GONE_WAIT);
        if (!left.isEmpty()) {
            String which = left.stream().map(NoWorkerJvmLeft::describe).collect(Collectors.joining("; "));
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            throw new AssertionError("worker JVMs still alive " + GONE_WAIT.toSeconds() + " s after the test: " + which);
        }
    }

    /** Waits up to {@code timeout} until every worker JVM not in {@code before} is gone; returns those still alive. */
    static Set<Long> awaitGone(Set<Long> before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<Long> left = new HashSet<>(workerJvms());
            left.removeAll(before);
            if (left.isEmpty() || System.nanoTime() - deadline > 0) {
                return left;
            }
            Thread.sleep(20);
        }
    }

    /** Returns the pids of the live descendant processes of this JVM that run {@link ProcessWorker}. */
    static Set<Long> workerJvms() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains(ProcessWorker.class.getName()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String describe(long pid) {
        return pid + " " + ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
    }
}
