package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounds, probes and assertions shared by the executor contract tests. */
final class ContractSupport {

    /** How long a task may take to give its result (a worker JVM may still be booting), in seconds. */
    static final long WAIT = 30;
    /** How long a task may take to start and write its marker file. */
    static final Duration MARKER_WAIT = Duration.ofSeconds(60);
    /** How long any shutdown path may take to terminate an executor, worker JVMs included. */
    static final Duration TERMINATION_BOUND = Duration.ofSeconds(20);
    /** How long the next task may take to start once a running one was cancelled (a new worker JVM boots). */
    static final Duration NEXT_TASK_BOUND = Duration.ofSeconds(30);
    /** A task that would run this long (ms) keeps an executor busy for the whole test unless stopped. */
    static final long LONG_SLEEP = 120_000;

    private ContractSupport() {
    }

    /** Submits a long, interruptible task and returns its future once it is running (its marker file exists). */
    static Future<Long> startLongTask(ExecutorService pool, Path dir, String name) throws Exception {
        Path marker = dir.resolve(name);
        Future<Long> f = pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
        FileLatch.await(marker, MARKER_WAIT);
        return f;
    }

    /** Submits a task that writes a marker file and asserts that it starts within {@link #NEXT_TASK_BOUND}. */
    static Duration assertNextTaskStartsPromptly(ExecutorService pool, Path dir, String name) throws Exception {
        Path marker = dir.resolve(name);
        long start = System.nanoTime();
        Future<Long> next = pool.submit(new MarkerThenSleep(marker.toString(), 0));
        try {
            FileLatch.await(marker, NEXT_TASK_BOUND);
        } catch (TimeoutException e) {
            fail("the next task did not start within " + NEXT_TASK_BOUND.toSeconds() + " s");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertNotNull(next.get(WAIT, TimeUnit.SECONDS));
        return took;
    }

    /** Asserts that the executor terminates within {@link #TERMINATION_BOUND}; returns how long it took. */
    static Duration assertTerminates(ExecutorService pool) throws InterruptedException {
        long start = System.nanoTime();
        assertTrue(pool.awaitTermination(TERMINATION_BOUND.toMillis(), TimeUnit.MILLISECONDS),
                pool + " did not terminate within " + TERMINATION_BOUND.toSeconds() + " s");
        assertTrue(pool.isTerminated());
        assertTrue(pool.isShutdown());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Asserts that close() on its own thread returns within {@link #TERMINATION_BOUND}. */
    static void assertReturns(Closer closer) throws InterruptedException {
        assertTrue(closer.awaitReturn(TERMINATION_BOUND),
                "close() did not return within " + TERMINATION_BOUND.toSeconds() + " s");
    }

    /** Waits (bounded) for the future to end in any way and returns its state. */
    static Future.State awaitDone(Future<?> f) throws InterruptedException {
        try {
            f.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException | CancellationException ended) {
            // the state tells
        } catch (TimeoutException e) {
            fail("the future did not end within " + WAIT + " s");
        }
        return f.state();
    }

    /** Waits up to {@code timeout} for {@code condition}; returns whether it became true. */
    static boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Returns the cause of the ExecutionException that {@code get} throws, failing if it throws anything else. */
    static Throwable failureOf(Future<?> f) {
        var e = assertThrows(ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
        return e.getCause();
    }

    /**
     * Asserts that {@code got} is the failure as the task threw it: type, message, causes
     * and suppressed exceptions, recursively. In a thread executor it is the very object the
     * task threw; the process pool sends it across serialized, so there it is an equal copy
     * (documented in {@link ProcessPool}), never a stand-in or a wrapper.
     */
    static void assertAsThrown(ExecutorKind kind, Throwable thrown, Throwable got) {
        if (kind != ExecutorKind.PROCESS) {
            assertSame(thrown, got);
        }
        assertSameShape(thrown, got);
    }

    private static void assertSameShape(Throwable thrown, Throwable got) {
        assertNotNull(got, "expected " + thrown + ", got no exception");
        assertEquals(thrown.getClass(), got.getClass(), "type of " + got);
        assertEquals(thrown.getMessage(), got.getMessage(), "message of " + got);
        if (thrown.getCause() == null) {
            assertNull(got.getCause(), "cause of " + got);
        } else {
            assertSameShape(thrown.getCause(), got.getCause());
        }
        Throwable[] suppressed = thrown.getSuppressed();
        assertEquals(suppressed.length, got.getSuppressed().length, "suppressed of " + got + ": "
                + Arrays.toString(got.getSuppressed()));
        for (int i = 0; i < suppressed.length; i++) {
            assertSameShape(suppressed[i], got.getSuppressed()[i]);
        }
    }
}
