package concurrencylab.exec;

import static concurrencylab.exec.ContractSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shutdown, shutdownNow, close and awaitTermination, with the same assertions for every
 * {@link ExecutorKind}: every path, in any order and any number of times, terminates the
 * executor within {@link ContractSupport#TERMINATION_BOUND}, and no worker JVM is left
 * ({@link NoWorkerJvmLeft}). A test that hangs fails at its timeout instead of hanging the
 * suite (separate thread).
 */
@ExtendWith(NoWorkerJvmLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() twice on an idle executor: it still terminates")
    void shutdownNowTwiceWhenIdle(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS));
            pool.shutdownNow();
            pool.shutdownNow();
            assertTerminates(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() twice while a task runs: the task is stopped and the executor terminates")
    void shutdownNowTwiceWhenBusy(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            pool.shutdownNow();
            pool.shutdownNow();
            assertTerminates(pool);
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdown() then shutdownNow() twice while a task runs and one waits: the executor terminates")
    void shutdownThenShutdownNowTwice(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            pool.submit(LabTasks.sleep(LONG_SLEEP));
            pool.shutdown();
            pool.shutdownNow();
            pool.shutdownNow();
            assertTerminates(pool);
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdown() after shutdownNow() changes nothing: the executor terminates")
    void shutdownNowThenShutdown(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            pool.shutdownNow();
            pool.shutdown();
            assertTerminates(pool);
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() right after cancel(true) of a running task (a new worker may be booting): the executor terminates")
    void shutdownNowRightAfterCancel(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            assertTrue(running.cancel(true));
            pool.shutdownNow();
            pool.shutdownNow();
            assertTerminates(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() stops a running task even if its future was already cancelled with cancel(false)")
    void shutdownNowStopsTaskCancelledWithoutInterrupt(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            assertTrue(running.cancel(false));
            pool.shutdownNow();
            assertTerminates(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() after shutdownNow() returns within the bound and leaves the executor terminated")
    void closeAfterShutdownNow(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            startLongTask(pool, dir, "running");
            pool.shutdownNow();
            Closer closer = Closer.start(pool, false);
            assertReturns(closer);
            assertTrue(pool.isTerminated());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() on an interrupted thread after shutdownNow() returns, keeps the interrupt flag set, and the executor is terminated")
    void closeOnInterruptedThreadAfterShutdownNow(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            startLongTask(pool, dir, "running");
            pool.shutdownNow();
            Closer closer = Closer.start(pool, true);
            assertReturns(closer);
            assertTrue(closer.interruptedAfter(), "close() must re-assert the interrupt flag");
            assertTrue(pool.isTerminated());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() on an interrupted thread while a task runs stops it as shutdownNow() would, returns, keeps the flag set")
    void closeOnInterruptedThreadWhileBusy(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            Closer closer = Closer.start(pool, true);
            assertReturns(closer);
            assertTrue(closer.interruptedAfter(), "close() must re-assert the interrupt flag");
            assertTrue(pool.isTerminated());
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() on an interrupted thread with nothing running returns, keeps the flag set, and the executor is terminated")
    void closeOnInterruptedThreadWhenIdle(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS));
            Closer closer = Closer.start(pool, true);
            assertReturns(closer);
            assertTrue(closer.interruptedAfter(), "close() must re-assert the interrupt flag");
            assertTrue(pool.isTerminated());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() waits while a task runs; interrupted while waiting, it stops the task, returns and keeps the flag set")
    void closeInterruptedWhileWaiting(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            Closer closer = Closer.start(pool, false);
            assertTrue(awaitCondition(pool::isShutdown, MARKER_WAIT), "close() calls shutdown() first");
            assertFalse(closer.awaitReturn(Duration.ofMillis(300)), "close() returned while a task was running");
            closer.interrupt();
            assertReturns(closer);
            assertTrue(closer.interruptedAfter(), "close() must re-assert the interrupt flag");
            assertTrue(pool.isTerminated());
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("close() waits for submitted tasks to finish and leaves the executor terminated")
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
    @DisplayName("close() of a terminated executor returns at once and changes nothing")
    void closeTwiceIsHarmless(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            assertReturns(Closer.start(pool, false));
            assertTrue(pool.isTerminated());
            Closer again = Closer.start(pool, false);
            assertReturns(again);
            assertTrue(pool.isTerminated());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("after shutdown() every way of submitting throws RejectedExecutionException")
    void shutdownRejectsNewTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            pool.shutdown();
            assertTrue(pool.isShutdown());
            assertEverySubmissionRejected(pool);
            assertTerminates(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("after shutdownNow() every way of submitting throws RejectedExecutionException")
    void shutdownNowRejectsNewTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            pool.shutdownNow();
            assertTrue(pool.isShutdown());
            assertEverySubmissionRejected(pool);
            assertTerminates(pool);
        }
    }

    private void assertEverySubmissionRejected(ExecutorService pool) {
        Path touched = dir.resolve("touched");
        List<Callable<Integer>> tasks = List.of(LabTasks.noop());
        assertThrows(RejectedExecutionException.class, () -> pool.submit(LabTasks.noop()));
        assertThrows(RejectedExecutionException.class, () -> pool.submit(new TouchFile(touched.toString())));
        assertThrows(RejectedExecutionException.class, () -> pool.submit(new TouchFile(touched.toString()), 1));
        assertThrows(RejectedExecutionException.class, () -> pool.execute(new TouchFile(touched.toString())));
        assertThrows(RejectedExecutionException.class, () -> pool.invokeAll(tasks));
        assertThrows(RejectedExecutionException.class, () -> pool.invokeAll(tasks, WAIT, TimeUnit.SECONDS));
        assertThrows(RejectedExecutionException.class, () -> pool.invokeAny(tasks));
        assertThrows(RejectedExecutionException.class, () -> pool.invokeAny(tasks, WAIT, TimeUnit.SECONDS));
        assertFalse(Files.exists(touched), "a rejected task ran");
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdown() lets already submitted tasks finish; awaitTermination then returns true")
    void shutdownCompletesQueuedTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(LabTasks.countPrimes(0, 1000)));
            }
            pool.shutdown();
            assertTerminates(pool);
            for (Future<Long> f : futures) {
                assertEquals(168L, f.resultNow());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("a running executor is neither shut down nor terminated, and awaitTermination returns false after its timeout")
    void awaitTerminationOfRunningExecutorTimesOut(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            assertFalse(pool.isShutdown());
            assertFalse(pool.isTerminated());
            long start = System.nanoTime();
            assertFalse(pool.awaitTermination(300, TimeUnit.MILLISECONDS));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis >= 290 && tookMillis < TERMINATION_BOUND.toMillis(), "waited " + tookMillis + " ms");
            assertFalse(pool.awaitTermination(0, TimeUnit.MILLISECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("after shutdown(), awaitTermination returns false while a task still runs, then true once it is stopped")
    void awaitTerminationTimesOutWhileRunning(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> f = startLongTask(pool, dir, "running");
            pool.shutdown();
            assertFalse(pool.awaitTermination(200, TimeUnit.MILLISECONDS));
            assertFalse(pool.isTerminated());
            assertTrue(f.cancel(true));
            assertTerminates(pool);
            assertTrue(pool.awaitTermination(0, TimeUnit.MILLISECONDS), "a terminated executor answers at once");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() stops a running task: its future ends without a result and the executor terminates")
    void shutdownNowStopsRunningTask(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Future<Long> running = startLongTask(pool, dir, "running");
            List<Runnable> neverStarted = pool.shutdownNow();
            assertTrue(neverStarted.isEmpty(), "nothing was queued: " + neverStarted);
            assertTerminates(pool);
            assertNotEquals(Future.State.SUCCESS, awaitDone(running));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("shutdownNow() returns at most the tasks that never started, and none of them runs")
    void shutdownNowReturnsTasksNeverStarted(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            startLongTask(pool, dir, "running");
            Path touched = dir.resolve("touched");
            pool.submit(new TouchFile(touched.toString()));
            List<Runnable> neverStarted = pool.shutdownNow();
            assertTerminates(pool);
            assertTrue(neverStarted.size() <= 1, "only the touch task could be waiting: " + neverStarted);
            if (!neverStarted.isEmpty()) {
                assertFalse(Files.exists(touched), "a task returned as never started must not have run");
            }
        }
    }

    // The leak check (NoWorkerJvmLeft) must be able to fail: it has to see live worker JVMs.
    @Test
    @DisplayName("the worker-JVM leak check sees exactly a process pool's worker JVMs while the pool is open")
    void leakCheckSeesOpenWorkers() throws Exception {
        Set<Long> before = NoWorkerJvmLeft.workerJvms();
        try (var pool = ProcessPool.of(2)) {
            Set<Long> seen = new HashSet<>(NoWorkerJvmLeft.workerJvms());
            seen.removeAll(before);
            assertEquals(2, seen.size(), "worker JVMs seen: " + seen);
            assertEquals(Set.copyOf(pool.workerPids()), seen);
        }
        assertTrue(NoWorkerJvmLeft.awaitGone(before, NoWorkerJvmLeft.GONE_WAIT).isEmpty());
    }

    // Only the process pool has worker JVMs that can die from outside.
    @Test
    @DisplayName("process pool: a worker JVM killed from outside during shutdown() fails its task and the pool still terminates")
    void workerKilledDuringShutdown() throws Exception {
        try (ExecutorService pool = ExecutorKind.PROCESS.create(2)) {
            Path marker = dir.resolve("victim");
            Future<Long> victim = pool.submit(new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            long pid = Long.parseLong(FileLatch.await(marker, MARKER_WAIT));
            pool.shutdown();
            assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
            assertInstanceOf(WorkerDiedException.class, failureOf(victim));
            assertTerminates(pool);
        }
    }

    @Test
    @DisplayName("process pool: a worker JVM killed from outside between two shutdownNow() calls does not keep the pool from terminating")
    void workerKilledBetweenShutdownNows() throws Exception {
        try (var pool = ProcessPool.of(2)) {
            startLongTask(pool, dir, "running");
            List<Long> pids = pool.workerPids();
            pool.shutdownNow();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            pool.shutdownNow();
            assertTerminates(pool);
            assertTrue(pool.workerPids().isEmpty());
        }
    }
}
