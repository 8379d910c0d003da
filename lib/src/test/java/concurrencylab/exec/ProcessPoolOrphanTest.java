package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No orphans: when the parent JVM is killed with SIGKILL, its workers exit by themselves. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessPoolOrphanTest {

    @Test
    @DisplayName("after kill -9 of the parent JVM, every worker JVM is gone within 5 s")
    void workersDieWithTheirParent() throws Exception {
        Process parent = JvmCommand.of(OrphanParentMain.class).withClasspath(System.getProperty("java.class.path"))
                .withArgs("3").processBuilder().redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> pids = new ArrayList<>();
        try {
            pids.addAll(workerPidsOf(parent));
            assertEquals(3, pids.size());
            for (long pid : pids) {
                assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " runs");
            }
            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, parent.exitValue(), "the parent died of SIGKILL");
            for (long pid : pids) {
                assertTrue(FileLatch.awaitGone(pid, Duration.ofSeconds(5)), "worker " + pid + " outlived its parent by 5 s");
            }
        } finally {
            parent.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private static List<Long> workerPidsOf(Process parent) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(parent.getInputStream()));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l; (l = reader.readLine()) != null; ) {
                    if (l.startsWith("WORKER_PIDS ")) {
                        return l;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        assertNotNull(line, "the parent printed no WORKER_PIDS line");
        return Arrays.stream(line.substring("WORKER_PIDS ".length()).trim().split(" ")).map(Long::valueOf).toList();
    }
}
