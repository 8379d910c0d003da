package concurrencylab.exec;

import static concurrencylab.exec.ContractSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ExecutorService contract, with the same assertions for every {@link ExecutorKind}:
 * submitting and getting results. The rest of the contract is in {@link ShutdownContractTest},
 * {@link CancellationContractTest}, {@link ExceptionContractTest} and {@link InvokeContractTest}.
 */
@ExtendWith(NoWorkerJvmLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExecutorContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("submit(Callable) returns the task's result")
    void submitCallableReturnsResult(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            Future<Long> f = pool.submit(LabTasks.countPrimes(0, 100));
            assertEquals(25L, f.get(WAIT, TimeUnit.SECONDS));
            assertTrue(f.isDone());
            assertFalse(f.isCancelled());
            assertEquals(Future.State.SUCCESS, f.state());
            assertEquals(25L, f.resultNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("submit(Runnable, result) runs the Runnable and yields the given result; submit(Runnable) yields null")
    void submitRunnableRunsItAndYieldsResult(ExecutorKind kind) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        try (ExecutorService pool = kind.create(2)) {
            assertEquals("done", pool.submit(new TouchFile(first.toString()), "done").get(WAIT, TimeUnit.SECONDS));
            assertNull(pool.submit(new TouchFile(second.toString())).get(WAIT, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(first) && Files.exists(second));
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("execute(Runnable) runs the Runnable")
    void executeRunsTheRunnable(ExecutorKind kind) throws Exception {
        Path touched = dir.resolve("touched");
        try (ExecutorService pool = kind.create(1)) {
            pool.execute(new TouchFile(touched.toString()));
            FileLatch.await(touched, MARKER_WAIT);
        }
        assertEquals("touched", Files.readString(touched));
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("submit and execute of a null task throw NullPointerException")
    void nullTasksAreRejected(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(NullPointerException.class, () -> pool.submit((Callable<Integer>) null));
            assertThrows(NullPointerException.class, () -> pool.submit((Runnable) null));
            assertThrows(NullPointerException.class, () -> pool.submit((Runnable) null, 1));
            assertThrows(NullPointerException.class, () -> pool.execute(null));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("get with a timeout throws TimeoutException while the task runs, and the future is not done")
    void timedGetOfRunningTaskTimesOut(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            assertThrows(TimeoutException.class, () -> f.get(200, TimeUnit.MILLISECONDS));
            assertFalse(f.isDone());
            assertEquals(Future.State.RUNNING, f.state());
            assertThrows(IllegalStateException.class, f::resultNow);
            assertTrue(f.cancel(true));
        }
    }

    // The process pool differs here: a result crosses the process boundary serialized, so it
    // is an equal copy, never the task's own object (documented in ProcessPool).
    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("the result is the task's own object in a thread executor, an equal copy in the process pool")
    void resultIsTheObjectOrAnEqualCopy(ExecutorKind kind) throws Exception {
        var value = new ArrayList<>(List.of("a", "b", "c"));
        try (ExecutorService pool = kind.create(1)) {
            ArrayList<String> got = pool.submit(new ReturnsGiven<>(value)).get(WAIT, TimeUnit.SECONDS);
            assertEquals(value, got);
            if (kind == ExecutorKind.PROCESS) {
                assertNotSame(value, got);
            } else {
                assertSame(value, got);
            }
        }
    }
}
