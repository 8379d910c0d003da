package concurrencylab.lab.crawling;

import concurrencylab.lab.server.LabConfig;
import concurrencylab.lab.server.LabServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BurstExperimentTest {
    private static final LabConfig LIMITED = LabConfig.DEFAULTS.withLatency(Duration.ofMillis(300))
            .withMaxConcurrent(10);

    @Test
    @DisplayName("an unlimited burst beyond the server's limit gets 429s, and client and server count the same number")
    void unlimitedBurstIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (LabServer server = LabServer.start(LIMITED)) {
                BurstResult r = BurstExperiment.run(server, 50, 0, Duration.ofSeconds(10));
                assertTrue(r.rejected429() > 0, r::toString);
                assertEquals(r.rejected429(), r.serverRejected429(), r::toString);
                assertTrue(r.accountedFor(), r::toString);
                assertTrue(r.serverPeak() <= 10, r::toString);
            }
        });
    }

    @Test
    @DisplayName("the same burst through Semaphore(10) gets no 429 at all, and never has more than 10 in flight")
    void semaphoreAvoids429() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (LabServer server = LabServer.start(LIMITED)) {
                BurstResult r = BurstExperiment.run(server, 50, 10, Duration.ofSeconds(10));
                assertEquals(0, r.rejected429(), r::toString);
                assertEquals(0, r.serverRejected429(), r::toString);
                assertEquals(50, r.ok(), r::toString);
                assertTrue(r.clientPeak() <= 10, r::toString);
            }
        });
    }

    @Test
    @DisplayName("compare() runs both variants on fresh servers and leaves no thread, port or server behind")
    void compareLeavesNothing() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            var table = BurstExperiment.compare(LIMITED, 30, 10);
            assertEquals(2, table.rowCount());
            assertTrue(table.intColumn("429 seen").get(0) > 0, table::print);
            assertEquals(0, table.intColumn("429 seen").get(1), table::print);
            LeakReport leaks = baseline.leaksSince();
            assertTrue(leaks.isClean(), leaks::toString);
        });
    }

    @Test
    @DisplayName("counts and timeouts out of range are refused with a message naming them")
    void validates() {
        try (LabServer server = LabServer.start()) {
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> BurstExperiment.run(server, 0, 0, Duration.ofSeconds(1))).getMessage().contains("requests"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> BurstExperiment.run(server, 1, -1, Duration.ofSeconds(1))).getMessage().contains("permits"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> BurstExperiment.run(server, 1, 0, Duration.ZERO)).getMessage().contains("requestTimeout"));
        }
    }
}
