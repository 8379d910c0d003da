package concurrencylab.exec;

import static concurrencylab.exec.ContractSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Future.cancel as FutureTask defines it, with the same assertions for every
 * {@link ExecutorKind}: cancel returns true only for the call that cancelled, cancel(true)
 * stops a running task, cancel(false) lets it run but discards its result.
 */
@ExtendWith(NoWorkerJvmLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancellationContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel(true) stops a running task at once: the next task starts promptly")
    void cancelTrueStopsRunningTask(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            assertTrue(f.cancel(true));
            assertTrue(f.isCancelled());
            assertTrue(f.isDone());
            assertNextTaskStartsPromptly(pool, dir, "next");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a cancelled future reports CANCELLED everywhere: get throws CancellationException, resultNow and exceptionNow throw IllegalStateException")
    void cancelledFutureReportsCancelled(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            assertTrue(f.cancel(true));
            assertEquals(Future.State.CANCELLED, f.state());
            assertThrows(CancellationException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
            assertThrows(CancellationException.class, f::get);
            assertThrows(IllegalStateException.class, f::resultNow);
            assertThrows(IllegalStateException.class, f::exceptionNow);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("get with a timeout throws TimeoutException for a runaway task, which cancel(true) then stops")
    void timeoutThenCancelStopsRunaway(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = pool.submit(LabTasks.sleep(LONG_SLEEP));
            assertThrows(TimeoutException.class, () -> f.get(300, TimeUnit.MILLISECONDS));
            assertTrue(f.cancel(true));
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS));
        }
    }

    // Virtual threads have no queue: every task starts at once, so no task can be cancelled before it starts.
    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"PLATFORM", "PROCESS"})
    @DisplayName("cancel(false) of a task still waiting in the queue: it never runs")
    void cancelFalseOfQueuedTaskNeverRuns(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path gate = dir.resolve("gate");
            Future<Integer> blocker = pool.submit(gated("blocker", gate));
            FileLatch.await(dir.resolve("blocker.started"), MARKER_WAIT);
            Path touched = dir.resolve("touched");
            Future<?> queued = pool.submit(new TouchFile(touched.toString()));
            assertTrue(queued.cancel(false));
            Files.writeString(gate, "open");
            assertEquals(1, blocker.get(WAIT, TimeUnit.SECONDS));
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS), "runs after the cancelled one");
            assertFalse(Files.exists(touched), "the cancelled task ran");
            assertTrue(queued.isCancelled());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel(false) of a running task does not stop it: it runs to its end, and the future stays cancelled")
    void cancelFalseLetsRunningTaskFinish(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path gate = dir.resolve("gate");
            Future<Integer> f = pool.submit(gated("task", gate));
            FileLatch.await(dir.resolve("task.started"), MARKER_WAIT);
            assertTrue(f.cancel(false));
            Files.writeString(gate, "open");
            FileLatch.await(dir.resolve("task.done"), MARKER_WAIT);
            assertTrue(f.isCancelled());
            assertThrows(CancellationException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel of an already cancelled future returns false and changes nothing")
    void cancelOfCancelledReturnsFalse(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            assertTrue(f.cancel(true));
            assertFalse(f.cancel(true));
            assertFalse(f.cancel(false));
            assertTrue(f.isCancelled());
            assertEquals(Future.State.CANCELLED, f.state());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel of a task that completed returns false and keeps the result")
    void cancelAfterCompletionIsANoOp(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(LabTasks.noop());
            assertEquals(0, f.get(WAIT, TimeUnit.SECONDS));
            assertFalse(f.cancel(true));
            assertFalse(f.cancel(false));
            assertFalse(f.isCancelled());
            assertEquals(Future.State.SUCCESS, f.state());
            assertEquals(0, f.resultNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel of a task that failed returns false and keeps the failure")
    void cancelAfterFailureIsANoOp(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(new Boom("failed first"));
            assertInstanceOf(IllegalStateException.class, failureOf(f));
            assertFalse(f.cancel(true));
            assertFalse(f.isCancelled());
            assertEquals(Future.State.FAILED, f.state());
            assertEquals("failed first", f.exceptionNow().getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("of several threads cancelling the same running task at once, exactly one gets true")
    void concurrentCancelsHaveOneWinner(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            var go = new CountDownLatch(1);
            var winners = new AtomicInteger();
            List<Thread> cancellers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                cancellers.add(Thread.ofPlatform().start(() -> {
                    try {
                        if (go.await(WAIT, TimeUnit.SECONDS) && f.cancel(true)) {
                            winners.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : cancellers) {
                assertTrue(t.join(Duration.ofSeconds(WAIT)), "a cancelling thread did not finish");
            }
            assertEquals(1, winners.get());
            assertTrue(f.isCancelled());
        }
    }

    private GatedTouch gated(String name, Path gate) {
        return new GatedTouch(dir.resolve(name + ".started").toString(), gate.toString(),
                dir.resolve(name + ".done").toString(), MARKER_WAIT.toMillis());
    }
}
