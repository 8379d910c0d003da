package concurrencylab.lab.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.tasks.ExecutionSite;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DownloadReportTest {
    private static DownloadOutcome ok(int n, ExecutionSite ranBy) {
        return new DownloadOutcome(URI.create("http://127.0.0.1:1/img/" + n), 200, 1024, Duration.ofMillis(5), ranBy, "");
    }

    @Test
    @DisplayName("the summary line counts one thread and one process in the singular")
    void singularThreadAndProcess() {
        var report = new DownloadReport("async HttpClient", List.of(ok(0, new ExecutionSite(7, "HttpClient-1-Worker-0", false, "")),
                ok(1, new ExecutionSite(7, "HttpClient-1-Worker-0", false, ""))), Duration.ofMillis(120));
        assertTrue(report.toString().endsWith("2 KiB, 1 thread in 1 process"), report.toString());
    }

    @Test
    @DisplayName("requests run on virtual threads are counted by their carriers")
    void virtualThreadsCountCarriers() {
        var report = new DownloadReport("virtual threads", List.of(
                ok(0, new ExecutionSite(7, "#31", true, "ForkJoinPool-1-worker-1")),
                ok(1, new ExecutionSite(7, "#32", true, "ForkJoinPool-1-worker-2")),
                ok(2, new ExecutionSite(7, "#33", true, "ForkJoinPool-1-worker-1"))), Duration.ofMillis(120));
        assertTrue(report.ranOnVirtualThreads());
        assertTrue(report.toString().endsWith("virtual threads on 2 carriers in 1 process"), report.toString());
        assertEquals(2, report.distinctRunners());
    }

    @Test
    @DisplayName("platform threads in two worker processes are counted in the plural")
    void pluralThreadsAndProcesses() {
        var report = new DownloadReport("process pool (2 JVMs)", List.of(ok(0, new ExecutionSite(8, "worker-main", false, "")),
                ok(1, new ExecutionSite(9, "worker-main", false, ""))), Duration.ofMillis(120));
        assertTrue(report.toString().endsWith("2 threads in 2 processes"), report.toString());
    }
}
