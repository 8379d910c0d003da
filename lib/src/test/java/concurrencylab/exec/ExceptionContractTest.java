package concurrencylab.exec;

import static concurrencylab.exec.ContractSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A task's own exception, whatever its type, reaches get() as the cause of an
 * ExecutionException exactly as the task threw it (type, message, causes, suppressed), and
 * the future is FAILED, never CANCELLED; the same assertions for every {@link ExecutorKind}
 * (see {@link ContractSupport#assertAsThrown} for what differs in the process pool).
 */
@ExtendWith(NoWorkerJvmLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExceptionContractTest {

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task's exception reaches get() as the cause of an ExecutionException, with its type and message")
    void taskExceptionIsTheCause(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Throwable cause = failureOf(pool.submit(new Boom("kaputt")));
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals("kaputt", cause.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task that throws CancellationException has failed, not been cancelled: FAILED, isCancelled false, get throws ExecutionException with it")
    void thrownCancellationExceptionIsAFailure(ExecutorKind kind) throws Exception {
        var thrown = new CancellationException("the task gave up by itself");
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(new Rethrow<>(thrown));
            assertAsThrown(kind, thrown, failureOf(f));
            assertFalse(f.isCancelled());
            assertTrue(f.isDone());
            assertEquals(Future.State.FAILED, f.state());
            assertAsThrown(kind, thrown, f.exceptionNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task that throws CompletionException(cause) reports that CompletionException, not its cause")
    void thrownCompletionExceptionKeepsItsIdentity(ExecutorKind kind) throws Exception {
        var thrown = new CompletionException("outer", new IOException("inner"));
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(new Rethrow<>(thrown));
            assertAsThrown(kind, thrown, failureOf(f));
            assertEquals(Future.State.FAILED, f.state());
            assertAsThrown(kind, thrown, f.exceptionNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task that throws a CompletionException without a cause reports that CompletionException")
    void thrownCauselessCompletionExceptionKeepsItsIdentity(ExecutorKind kind) throws Exception {
        var thrown = new CompletionException("no cause", null);
        try (ExecutorService pool = kind.create(1)) {
            assertAsThrown(kind, thrown, failureOf(pool.submit(new Rethrow<>(thrown))));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task that throws ExecutionException reports that ExecutionException as the cause, not unwrapped")
    void thrownExecutionExceptionIsNotUnwrapped(ExecutorKind kind) throws Exception {
        var thrown = new ExecutionException("a nested get failed", new IllegalStateException("root"));
        try (ExecutorService pool = kind.create(1)) {
            assertAsThrown(kind, thrown, failureOf(pool.submit(new Rethrow<>(thrown))));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a checked exception keeps its type, message, cause chain and suppressed exceptions")
    void checkedExceptionKeepsItsChain(ExecutorKind kind) throws Exception {
        var thrown = new IOException("disk", new IllegalArgumentException("bad block", new ArithmeticException("root")));
        thrown.addSuppressed(new IllegalStateException("while closing"));
        try (ExecutorService pool = kind.create(1)) {
            assertAsThrown(kind, thrown, failureOf(pool.submit(new Rethrow<>(thrown))));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("an Error thrown by a task keeps its type and message, and the executor still runs the next task")
    void errorKeepsItsTypeAndExecutorSurvives(ExecutorKind kind) throws Exception {
        var thrown = new AssertionError("broken invariant");
        try (ExecutorService pool = kind.create(1)) {
            assertAsThrown(kind, thrown, failureOf(pool.submit(new Rethrow<>(thrown))));
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a submitted Runnable's exception comes back as thrown, CompletionException included")
    void runnableExceptionComesBackAsThrown(ExecutorKind kind) throws Exception {
        var thrown = new CompletionException("from a Runnable", new IllegalStateException("inner"));
        try (ExecutorService pool = kind.create(1)) {
            Future<String> f = pool.submit(new RethrowRunnable(thrown), "unused");
            assertAsThrown(kind, thrown, failureOf(f));
            assertEquals(Future.State.FAILED, f.state());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAll records a task that threw CancellationException as FAILED with that exception, not as cancelled")
    void invokeAllRecordsThrownCancellationAsFailure(ExecutorKind kind) throws Exception {
        var thrown = new CancellationException("gave up");
        try (ExecutorService pool = kind.create(1)) {
            List<Future<Integer>> futures = pool.invokeAll(List.of(new Rethrow<>(thrown), LabTasks.noop()));
            assertEquals(Future.State.FAILED, futures.get(0).state());
            assertFalse(futures.get(0).isCancelled());
            assertAsThrown(kind, thrown, futures.get(0).exceptionNow());
            assertEquals(0, futures.get(1).resultNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny whose only task threw CancellationException throws ExecutionException with that exception as cause")
    void invokeAnyReportsThrownCancellationAsCause(ExecutorKind kind) throws Exception {
        var thrown = new CancellationException("gave up");
        try (ExecutorService pool = kind.create(1)) {
            var e = assertThrows(ExecutionException.class,
                    () -> pool.invokeAny(List.of(new Rethrow<>(thrown)), WAIT, TimeUnit.SECONDS));
            assertAsThrown(kind, thrown, e.getCause());
        }
    }
}
