package concurrencylab.exec;

import static concurrencylab.exec.ContractSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** invokeAll and invokeAny, timed and not, with the same assertions for every {@link ExecutorKind}. */
@ExtendWith(NoWorkerJvmLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InvokeContractTest {

    @TempDir
    Path dir;

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
    @DisplayName("invokeAll of no tasks, timed or not, returns an empty list")
    void invokeAllOfNothingIsEmpty(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            assertTrue(pool.invokeAll(List.<Callable<Integer>>of()).isEmpty());
            assertTrue(pool.invokeAll(List.<Callable<Integer>>of(), WAIT, TimeUnit.SECONDS).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAll with a null collection, a null task or a null time unit throws NullPointerException")
    void invokeAllRejectsNulls(ExecutorKind kind) {
        List<Callable<Integer>> withNull = Arrays.asList(LabTasks.noop(), null);
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(NullPointerException.class, () -> pool.invokeAll(null));
            assertThrows(NullPointerException.class, () -> pool.invokeAll(null, WAIT, TimeUnit.SECONDS));
            assertThrows(NullPointerException.class, () -> pool.invokeAll(withNull));
            assertThrows(NullPointerException.class, () -> pool.invokeAll(withNull, WAIT, TimeUnit.SECONDS));
            assertThrows(NullPointerException.class, () -> pool.invokeAll(List.of(LabTasks.noop()), WAIT, null));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("timed invokeAll whose tasks finish in time returns them all completed")
    void timedInvokeAllInTimeCompletesAll(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            List<Future<Long>> futures = pool.invokeAll(
                    List.of(LabTasks.countPrimes(0, 100), LabTasks.countPrimes(0, 1000)), WAIT, TimeUnit.SECONDS);
            assertEquals(25L, futures.get(0).resultNow());
            assertEquals(168L, futures.get(1).resultNow());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("timed invokeAll cancels the tasks that did not finish in time and stops the running one")
    void timedInvokeAllCancelsUnfinished(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS); // warm: the worker JVM may still be booting
            List<Future<Long>> futures = pool.invokeAll(List.of(LabTasks.sleep(0), LabTasks.sleep(LONG_SLEEP)),
                    5, TimeUnit.SECONDS);
            assertEquals(Future.State.SUCCESS, futures.get(0).state());
            assertTrue(futures.get(1).isCancelled());
            assertNextTaskStartsPromptly(pool, dir, "next");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAll on an interrupted thread throws InterruptedException and cancels its tasks")
    void interruptedInvokeAllCancelsItsTasks(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedException.class, () -> pool.invokeAll(List.of(LabTasks.sleep(LONG_SLEEP))));
            } finally {
                Thread.interrupted();
            }
            pool.shutdown();
            assertTerminates(pool); // the long task was cancelled, or it would keep the executor alive
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("timed invokeAll interrupted while it waits, after one of its tasks failed, throws InterruptedException and cancels the rest")
    void interruptedTimedInvokeAllAfterAFailureCancels(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("slow");
            List<Callable<Long>> tasks = List.of(new Rethrow<>(new IllegalStateException("first fails")),
                    new MarkerThenSleep(marker.toString(), LONG_SLEEP));
            var outcome = new AtomicReference<Throwable>();
            Thread invoker = Thread.ofPlatform().start(() -> {
                try {
                    pool.invokeAll(tasks, LONG_SLEEP, TimeUnit.MILLISECONDS);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            FileLatch.await(marker, MARKER_WAIT);
            invoker.interrupt();
            assertTrue(invoker.join(Duration.ofSeconds(WAIT)), "invokeAll did not return after the interrupt");
            assertInstanceOf(InterruptedException.class, outcome.get());
            pool.shutdown();
            assertTerminates(pool); // the slow task was cancelled, or it would keep the executor alive
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny returns the result of a task that succeeded, even if another failed")
    void invokeAnyReturnsASuccessfulResult(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(25L, pool.invokeAny(List.of(LabTasks.countPrimes(0, 100), LabTasks.countPrimes(0, 100))));
            assertEquals(0, pool.invokeAny(List.of(new Boom("first fails"), LabTasks.noop())));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny cancels the tasks still unfinished once one succeeded")
    void invokeAnyCancelsTheRest(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            Path marker = dir.resolve("slow");
            assertEquals(25L, pool.invokeAny(
                    List.of(LabTasks.countPrimes(0, 100), new MarkerThenSleep(marker.toString(), LONG_SLEEP)),
                    WAIT, TimeUnit.SECONDS));
            pool.shutdown();
            assertTerminates(pool); // the slow task was cancelled, or it would keep the executor alive
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
    @DisplayName("timed invokeAny throws TimeoutException when no task finishes in time, and stops its task")
    void timedInvokeAnyTimesOut(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(TimeoutException.class,
                    () -> pool.invokeAny(List.of(LabTasks.sleep(LONG_SLEEP)), 500, TimeUnit.MILLISECONDS));
            assertNextTaskStartsPromptly(pool, dir, "next");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny of no tasks, timed or not, throws IllegalArgumentException")
    void invokeAnyOfNothingIsRejected(ExecutorKind kind) {
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(IllegalArgumentException.class, () -> pool.invokeAny(List.<Callable<Integer>>of()));
            assertThrows(IllegalArgumentException.class,
                    () -> pool.invokeAny(List.<Callable<Integer>>of(), WAIT, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("invokeAny with a null collection, a null task or a null time unit throws NullPointerException")
    void invokeAnyRejectsNulls(ExecutorKind kind) {
        // A thread pool's invokeAny submits tasks one by one and returns on the first success,
        // so it meets a null task only if no task before it succeeds: that one fails.
        List<Callable<Integer>> withNull = Arrays.asList(new Boom("fails before the null"), null);
        try (ExecutorService pool = kind.create(1)) {
            assertThrows(NullPointerException.class, () -> pool.invokeAny(null));
            assertThrows(NullPointerException.class, () -> pool.invokeAny(null, WAIT, TimeUnit.SECONDS));
            assertThrows(NullPointerException.class, () -> pool.invokeAny(withNull));
            assertThrows(NullPointerException.class, () -> pool.invokeAny(withNull, WAIT, TimeUnit.SECONDS));
            assertThrows(NullPointerException.class, () -> pool.invokeAny(List.of(LabTasks.noop()), WAIT, null));
        }
    }
}
