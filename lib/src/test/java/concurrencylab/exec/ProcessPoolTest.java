package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.StaticNote;
import concurrencylab.tasks.PortableCallable;
import concurrencylab.tasks.ExecutionSite;
import java.io.NotSerializableException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only a pool of worker JVMs does: other pids, remote exceptions, dying workers, no leftovers. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessPoolTest {

    private static final long WAIT = 30;
    private static final Duration GONE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    @DisplayName("a task runs in a worker JVM whose parent is this JVM")
    void taskRunsInChildJvm() throws Exception {
        try (var pool = ProcessPool.of(2)) {
            ExecutionSite who = pool.submit(LabTasks.reportExecutionSite()).get(WAIT, TimeUnit.SECONDS);
            assertNotEquals(ProcessHandle.current().pid(), who.pid());
            assertTrue(pool.workerPids().contains(who.pid()));
            long parent = ProcessHandle.of(who.pid()).flatMap(ProcessHandle::parent).orElseThrow().pid();
            assertEquals(ProcessHandle.current().pid(), parent);
            assertFalse(who.virtual());
        }
    }

    @Test
    @DisplayName("a worker is a fresh JVM: a static field set here keeps its initial value there (spawn, never fork)")
    void workerDoesNotSeeStaticStateOfThisJvm() throws Exception {
        String before = StaticNote.text;
        StaticNote.text = "set by the test";
        try (var pool = ProcessPool.of(1)) {
            String there = pool.submit(LabTasks.readStaticNote()).get(WAIT, TimeUnit.SECONDS);
            assertTrue(there.endsWith(": " + StaticNote.INITIAL), there);
            assertTrue(LabTasks.readStaticNote().call().endsWith(": set by the test"));
        } finally {
            StaticNote.text = before;
        }
    }

    @Test
    @DisplayName("workers are started eagerly and reused: many tasks run on the same N pids")
    void workersAreReused() throws Exception {
        try (var pool = ProcessPool.of(2)) {
            Set<Long> started = Set.copyOf(pool.workerPids());
            assertEquals(2, started.size());
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                seen.add(pool.submit(LabTasks.reportExecutionSite()).get(WAIT, TimeUnit.SECONDS).pid());
            }
            assertTrue(started.containsAll(seen), "tasks ran on " + seen + ", workers were " + started);
        }
    }

    @Test
    @DisplayName("a remote exception keeps its type, message and remote stack, plus a frame naming the worker pid")
    void remoteExceptionKeepsTypeMessageAndStack() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            long pid = pool.workerPids().getFirst();
            var e = assertThrows(ExecutionException.class, () -> pool.submit(new Boom("bang")).get(WAIT, TimeUnit.SECONDS));
            Throwable cause = e.getCause();
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals("bang", cause.getMessage());
            List<StackTraceElement> frames = Arrays.asList(cause.getStackTrace());
            assertEquals(Boom.class.getName(), frames.getFirst().getClassName(), "top frame is where it was thrown");
            assertTrue(frames.stream().anyMatch(f -> String.valueOf(f.getFileName()).contains("pid " + pid)),
                    "a marker frame names the worker pid: " + frames);
        }
    }

    @Test
    @DisplayName("an exception that cannot be serialized comes back as RemoteTaskException with its class name and message")
    void unserializableExceptionComesBackAsCopy() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            var e = assertThrows(ExecutionException.class,
                    () -> pool.submit(new ThrowsUnserializable()).get(WAIT, TimeUnit.SECONDS));
            var remote = assertInstanceOf(RemoteTaskException.class, e.getCause());
            assertEquals(ThrowsUnserializable.HoldsThread.class.getName(), remote.remoteClassName());
            assertTrue(remote.getMessage().contains("holds a thread"));
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS), "the worker still serves");
        }
    }

    @Test
    @DisplayName("the stand-in for an exception that cannot be serialized keeps its cause and suppressed exceptions, even in a cycle")
    void unserializableExceptionKeepsCauseAndSuppressed() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            var e = assertThrows(ExecutionException.class,
                    () -> pool.submit(new ThrowsUnserializableChain()).get(WAIT, TimeUnit.SECONDS));
            var remote = assertInstanceOf(RemoteTaskException.class, e.getCause());
            var cause = assertInstanceOf(RemoteTaskException.class, remote.getCause());
            assertEquals("java.io.IOException", cause.remoteClassName());
            assertTrue(cause.getMessage().contains("root cause"), cause.getMessage());
            assertEquals(1, remote.getSuppressed().length);
            var suppressed = assertInstanceOf(RemoteTaskException.class, remote.getSuppressed()[0]);
            assertEquals(IllegalStateException.class.getName(), suppressed.remoteClassName());
            assertNull(suppressed.getCause(), "the cycle back to the thrown exception is cut");
            assertEquals(0, pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS), "the worker still serves");
        }
    }

    @Test
    @DisplayName("a result that cannot be serialized fails the task with NotSerializableException naming its type")
    void unserializableResultFailsTheTask() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            var e = assertThrows(ExecutionException.class,
                    () -> pool.submit(new ReturnsUnserializable()).get(WAIT, TimeUnit.SECONDS));
            assertInstanceOf(NotSerializableException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("java.lang.Object"), e.getCause().getMessage());
        }
    }

    @Test
    @DisplayName("a serializable lambda written in a class on the classpath runs in a worker, with its captured values")
    void classpathLambdaRuns() throws Exception {
        int factor = 6;
        PortableCallable<Integer> lambda = () -> factor * 7;
        try (var pool = ProcessPool.of(1)) {
            assertEquals(42, pool.submit(lambda).get(WAIT, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("Runtime.halt in a task fails only that task, naming worker index, pid and exit status; the pool replaces the worker")
    void haltFailsOnlyThatTask() throws Exception {
        try (var pool = ProcessPool.of(2)) {
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                others.add(pool.submit(LabTasks.countPrimes(0, 10_000)));
            }
            Future<Void> halted = pool.submit(LabTasks.haltWorker(7));
            for (int i = 0; i < 6; i++) {
                others.add(pool.submit(LabTasks.countPrimes(0, 10_000)));
            }
            var died = diedOf(halted);
            assertEquals(7, died.exitStatus());
            assertTrue(died.getMessage().contains("pid " + died.pid()) && died.getMessage().contains("exit status 7"),
                    died.getMessage());
            assertTrue(died.getMessage().contains("worker " + died.workerIndex()), died.getMessage());
            for (Future<Long> f : others) {
                assertEquals(1229L, f.get(WAIT, TimeUnit.SECONDS));
            }
            assertTrue(FileLatch.awaitGone(died.pid(), GONE_WAIT));
            assertReplaced(pool, died.pid());
        }
    }

    @Test
    @DisplayName("System.exit in a task fails that task with its exit status and the next task still runs")
    void systemExitFailsThatTask() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            var died = diedOf(pool.submit(new ExitWorker(3)));
            assertEquals(3, died.exitStatus());
            assertEquals(0, died.workerIndex());
            assertEquals(25L, pool.submit(LabTasks.countPrimes(0, 100)).get(WAIT, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("kill -9 of a worker from outside fails its task with SIGKILL named, others complete, the pool recovers")
    void killMinus9FromOutside() throws Exception {
        try (var pool = ProcessPool.of(2)) {
            Path marker = dir.resolve("victim");
            Future<Long> victim = pool.submit(new MarkerThenSleep(marker.toString(), 120_000));
            long pid = Long.parseLong(FileLatch.await(marker, Duration.ofSeconds(60)));
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(pool.submit(LabTasks.countPrimes(0, 10_000)));
            }
            new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(WAIT, TimeUnit.SECONDS);
            var died = diedOf(victim);
            assertEquals(pid, died.pid());
            assertEquals(137, died.exitStatus());
            assertTrue(died.getMessage().contains("SIGKILL"), died.getMessage());
            for (Future<Long> f : others) {
                assertEquals(1229L, f.get(WAIT, TimeUnit.SECONDS));
            }
            assertReplaced(pool, pid);
        }
    }

    @Test
    @DisplayName("a worker killed while idle is replaced before the next task, which succeeds")
    void idleWorkerKilledIsReplacedQuietly() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS);
            long pid = pool.workerPids().getFirst();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            assertTrue(FileLatch.awaitGone(pid, GONE_WAIT));
            ExecutionSite next = pool.submit(LabTasks.reportExecutionSite()).get(WAIT, TimeUnit.SECONDS);
            assertNotEquals(pid, next.pid());
        }
    }

    @Test
    @DisplayName("a worker that cannot start (library not on its classpath) fails the task with a classpath hint and its stderr")
    void workerThatCannotStartExplainsWhy() throws Exception {
        var launcher = new WorkerLauncher(WorkerLauncher.findJava(), dir.toString());
        try (var pool = new ProcessPool(1, launcher)) {
            var died = diedOf(pool.submit(LabTasks.noop()));
            assertTrue(died.getMessage().contains("before it was ready"), died.getMessage());
            assertTrue(died.getMessage().contains("COURSE_CLASSPATH"), died.getMessage());
            assertTrue(died.getMessage().contains(ProcessWorker.class.getName()), "quotes the worker's stderr: "
                    + died.getMessage());
            assertEquals(1, died.exitStatus());
        }
    }

    @Test
    @DisplayName("cancel(true) on a running task kills its worker JVM and a new worker takes its place")
    void cancelKillsAndReplacesWorker() throws Exception {
        try (var pool = ProcessPool.of(1)) {
            Path marker = dir.resolve("running");
            Future<Long> f = pool.submit(new MarkerThenSleep(marker.toString(), 120_000));
            long pid = Long.parseLong(FileLatch.await(marker, Duration.ofSeconds(60)));
            assertTrue(f.cancel(true));
            assertTrue(FileLatch.awaitGone(pid, GONE_WAIT), "the cancelled task's worker " + pid + " is gone");
            ExecutionSite next = pool.submit(LabTasks.reportExecutionSite()).get(WAIT, TimeUnit.SECONDS);
            assertNotEquals(pid, next.pid());
        }
    }

    @Test
    @DisplayName("close ends every worker JVM")
    void closeEndsEveryWorker() throws Exception {
        List<Long> pids;
        try (var pool = ProcessPool.of(3)) {
            pool.submit(LabTasks.noop()).get(WAIT, TimeUnit.SECONDS);
            pids = pool.workerPids();
            assertEquals(3, pids.size());
        }
        for (long pid : pids) {
            assertTrue(FileLatch.awaitGone(pid, GONE_WAIT), "worker " + pid + " still alive after close");
        }
    }

    @Test
    @DisplayName("shutdownNow ends every worker JVM, including one in the middle of a task")
    void shutdownNowEndsEveryWorker() throws Exception {
        var pool = ProcessPool.of(2);
        Path marker = dir.resolve("running");
        pool.submit(new MarkerThenSleep(marker.toString(), 120_000));
        FileLatch.await(marker, Duration.ofSeconds(60));
        List<Long> pids = pool.workerPids();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
        for (long pid : pids) {
            assertTrue(FileLatch.awaitGone(pid, GONE_WAIT), "worker " + pid + " still alive after shutdownNow");
        }
        assertTrue(pool.workerPids().isEmpty());
    }

    @Test
    @DisplayName("fetchLength runs in a worker against a loopback server")
    void fetchLengthRunsInWorker() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/page", exchange -> {
            byte[] body = new byte[321];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (var pool = ProcessPool.of(1)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page";
            assertEquals(321, pool.submit(LabTasks.fetchLength(url, 10_000)).get(WAIT, TimeUnit.SECONDS));
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("the constructor rejects worker counts outside 1..64 with the accepted range")
    void rejectsBadWorkerCounts() {
        for (int bad : new int[] {0, -1, 65}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new ProcessPool(bad));
            assertTrue(e.getMessage().contains("between 1 and 64"), e.getMessage());
        }
    }

    private static WorkerDiedException diedOf(Future<?> f) {
        var e = assertThrows(ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
        return assertInstanceOf(WorkerDiedException.class, e.getCause());
    }

    private static void assertReplaced(ProcessPool pool, long deadPid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (pool.workerPids().size() < pool.workers() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(pool.workers(), pool.workerPids().size(), "every slot has a live worker again");
        assertFalse(pool.workerPids().contains(deadPid));
    }
}
