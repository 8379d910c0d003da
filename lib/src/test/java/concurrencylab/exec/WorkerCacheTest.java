package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCacheTest {

    private static final long WAIT = 60;

    @TempDir
    Path dir;

    @Test
    @DisplayName("the worker cache is aot/worker.aot beside the classpath's lib jar, found only when that file exists")
    void findsTheCacheBesideTheLibJar() throws Exception {
        Path jar = dir.resolve(WorkerLauncher.LIB_JAR);
        String classpath = String.join(File.pathSeparator, "/elsewhere/other.jar", jar.toString(), "deps/*");
        Path expected = dir.resolve("aot").resolve(WorkerLauncher.AOT_FILE);
        assertEquals(Optional.of(expected), WorkerCache.location(classpath));
        assertEquals(Optional.empty(), WorkerCache.find(classpath), "no file yet");
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, "not really a cache");
        assertEquals(Optional.of(expected), WorkerCache.find(classpath));
        assertEquals(Optional.empty(), WorkerCache.find("target/classes" + File.pathSeparator + "x.jar"), "no lib jar");
        assertEquals(Optional.empty(), WorkerCache.find(""), "empty classpath");
    }

    @Test
    @DisplayName("a worker gets -XX:AOTCache and its messages off with a cache, record flags while training, none without")
    void workerFlagsFollowTheCache() {
        Path cache = dir.resolve("worker.aot");
        assertEquals(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off:stderr"), WorkerLauncher.aotFlags(null, Optional.of(cache)));
        assertEquals(List.of(), WorkerLauncher.aotFlags(" ", Optional.empty()));
        List<String> training = WorkerLauncher.aotFlags("/tmp/w.config", Optional.of(cache));
        assertTrue(training.contains("-XX:AOTMode=record") && training.contains("-XX:AOTConfiguration=/tmp/w.config"),
                training.toString());
        assertTrue(training.stream().noneMatch(f -> f.startsWith("-XX:AOTCache=")), "training never reads a cache");
        List<String> command = new WorkerLauncher("java", "lib.jar").command(1, 0);
        assertTrue(command.containsAll(WorkerLauncher.WORKER_FLAGS), command.toString());
        assertTrue(command.indexOf("-Xlog:all=warning:stderr") < command.indexOf(ProcessWorker.class.getName()));
    }

    @Test
    @DisplayName("a worker whose cache file is unusable starts without it, silently, and runs its tasks")
    void unusableCacheIsIgnored() throws Exception {
        Path cache = dir.resolve("aot").resolve(WorkerLauncher.AOT_FILE);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "garbage, not an AOT cache");
        String classpath = dir.resolve(WorkerLauncher.LIB_JAR) + File.pathSeparator + System.getProperty("java.class.path");
        var launcher = new WorkerLauncher(WorkerLauncher.findJava(), classpath);
        assertTrue(launcher.command(1, 0).contains("-XX:AOTCache=" + cache.toAbsolutePath()));
        var captured = new java.io.ByteArrayOutputStream();
        var err = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        try (var pool = new ProcessPool(1, launcher)) {
            assertEquals(168L, pool.submit(LabTasks.countPrimes(1, 1000)).get(WAIT, TimeUnit.SECONDS));
        } finally {
            System.setErr(err);
        }
        assertFalse(captured.toString().contains("aot"), "the worker said nothing about its cache: " + captured);
    }
}
