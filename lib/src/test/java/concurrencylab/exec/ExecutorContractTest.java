package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ExecutorService contract, with the same assertions for every {@link ExecutorKind}. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExecutorContractTest {

    private static final long WAIT = 30;
    private static final Duration MARKER_WAIT = Duration.ofSeconds(60);
    private static final long LONG_SLEEP = 120_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("submit(Callable) returns the task's result")
    void submitCallableReturnsResult(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(25L, pool.submit(LabTasks.countPrimes(0, 100)).get(WAIT, TimeUnit.SECONDS));
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
    @DisplayName("invokeAll returns one completed future per task, in task order")
    void invokeAllReturnsResultsInOrder(ExecutorKind kind) throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(LabTasks.sha256Hex("text " + i, 3));
            expected.add(LabTasks.sha256Hex("text " + i, 3).call());
        }
        try (ExecutorService pool = kind.create(2)) {
            List<Future<String>> futures = pool.invokeAll(tasks);
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                assertTrue(f.isDone());
                results.add(f.resultNow());
            }
            assertEquals(expected, results);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAll records a failing task in its future and still completes the others")
    void invokeAllKeepsFailuresInTheirFutures(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            List<Future<Integer>> futures = pool.invokeAll(List.of(new Boom("no"), LabTasks.noop()));
            assertEquals(Future.State.FAILED, futures.get(0).state());
            assertInstanceOf(IllegalStateException.class, futures.get(0).exceptionNow());
            assertEquals(0, futures.get(1).resultNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("timed invokeAll cancels the tasks that did not finish in time")
    void timedInvokeAllCancelsUnfinished(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS); // warm: a worker JVM may still be booting
            List<Future<Long>> futures = pool.invokeAll(List.of(LabTasks.sleep(0), LabTasks.sleep(LONG_SLEEP)),
                    10, TimeUnit.SECONDS);
            assertTrue(futures.get(0).isDone());
            assertTrue(futures.get(1).isCancelled());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny returns the result of a task that succeeded")
    void invokeAnyReturnsASuccessfulResult(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(25L, pool.invokeAny(List.of(LabTasks.countPrimes(0, 100), LabTasks.countPrimes(0, 100))));
            assertEquals(0, pool.invokeAny(List.of(new Boom("first fails"), LabTasks.noop())));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny throws ExecutionException with a task's exception when every task fails")
    void invokeAnyAllFailThrowsExecutionException(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(2)) {
            var e = assertThrows(ExecutionException.class,
                    () -> pool.invokeAny(List.of(new Boom("a"), new Boom("b"))));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("timed invokeAny throws TimeoutException when no task finishes in time")
    void timedInvokeAnyTimesOut(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(TimeoutException.class,
                    () -> pool.invokeAny(List.of(LabTasks.sleep(LONG_SLEEP)), 500, TimeUnit.MILLISECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny of no tasks is an IllegalArgumentException")
    void invokeAnyOfNothingIsRejected(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(IllegalArgumentException.class, () -> pool.invokeAny(List.<Callable<Integer>>of()));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("after shutdown, submit throws RejectedExecutionException and isShutdown is true")
    void shutdownRejectsNewTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            pool.shutdown();
            assertTrue(pool.isShutdown());
            assertThrows(RejectedExecutionException.class, () -> pool.submit(LabTasks.noop()));
            assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdown lets already submitted tasks finish; awaitTermination then returns true")
    void shutdownCompletesQueuedTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(LabTasks.countPrimes(0, 1000)));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
            assertTrue(pool.isTerminated());
            for (Future<Long> f : futures) {
                assertEquals(168L, f.resultNow());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("awaitTermination returns false while a task is still running")
    void awaitTerminationTimesOutWhileRunning(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("running");
            Future<Long> f = pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            FileLatch.await(marker, MARKER_WAIT);
            pool.shutdown();
            assertFalse(pool.awaitTermination(200, TimeUnit.MILLISECONDS));
            assertFalse(pool.isTerminated());
            f.cancel(true);
            assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow stops a running task: its future ends without a result and the executor terminates")
    void shutdownNowStopsRunningTask(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("running");
            Future<Long> running = pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            FileLatch.await(marker, MARKER_WAIT);
            List<Runnable> neverStarted = pool.shutdownNow();
            assertTrue(neverStarted.isEmpty(), "nothing was queued: " + neverStarted);
            assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow returns at most the tasks that never started and none of them runs")
    void shutdownNowReturnsTasksNeverStarted(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("running");
            pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            FileLatch.await(marker, MARKER_WAIT);
            Path touched = dir.resolve("touched");
            pool.submit(new TouchFile(touched.toString()));
            List<Runnable> neverStarted = pool.shutdownNow();
            assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
            assertTrue(neverStarted.size() <= 1, "only the touch task could be waiting: " + neverStarted);
            if (!neverStarted.isEmpty()) {
                assertFalse(Files.exists(touched), "a task returned as never started must not have run");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel(true) stops a running task: isCancelled, get throws CancellationException, the executor still works")
    void cancelStopsRunningTask(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("running");
            Future<Long> f = pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            FileLatch.await(marker, MARKER_WAIT);
            assertTrue(f.cancel(true));
            assertTrue(f.isCancelled());
            assertTrue(f.isDone());
            assertThrows(CancellationException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
            assertEquals(25L, pool.submit(LabTasks.countPrimes(0, 100)).get(WAIT, TimeUnit.SECONDS));
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

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("cancel on a finished task returns false and keeps the result")
    void cancelAfterCompletionIsANoOp(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(LabTasks.noop());
            assertEquals(0, f.get(WAIT, TimeUnit.SECONDS));
            assertFalse(f.cancel(true));
            assertEquals(Future.State.SUCCESS, f.state());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close waits for submitted tasks to finish and leaves the executor terminated")
    void closeWaitsForSubmittedTasks(ExecutorKind kind) {
        List<Future<Long>> futures = new ArrayList<>();
        ExecutorService pool = kind.create(2);
        try (pool) {
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(LabTasks.sleep(50)));
            }
        }
        assertTrue(pool.isTerminated());
        for (Future<Long> f : futures) {
            assertEquals(Future.State.SUCCESS, f.state());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a task's exception reaches get() as the cause of an ExecutionException, with its type and message")
    void taskExceptionIsTheCause(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(1)) {
            Future<Integer> f = pool.submit(new Boom("kaputt"));
            var e = assertThrows(ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("kaputt", e.getCause().getMessage());
        }
    }

    private static Future.State awaitDone(Future<?> f) throws InterruptedException {
        try {
            f.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException | CancellationException ended) {
            // the state tells
        } catch (TimeoutException e) {
            fail("the future did not end within " + WAIT + " s");
        }
        return f.state();
    }
}
