package concurrencylab.lab.pitfalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import concurrencylab.lab.downloads.DownloadComparison;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The four pitfall demos of notebook 07.2: each shows its effect and leaves nothing running. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PitfallDemosTest {

    @Test
    @DisplayName("missing timeout: the request without one is still stuck when the outer wait gives up; with one it fails fast; nothing is left")
    void missingTimeoutIsStuckThenCleanedUp() throws Exception {
        LeakCheck baseline = LeakCheck.snapshot();
        MissingTimeoutDemo.Result r = MissingTimeoutDemo.run(Duration.ofMillis(500), Duration.ofMillis(200));
        assertTrue(r.stuckAfterWait(), r::toString);
        assertTrue(r.withTimeoutResult().startsWith("HttpTimeoutException"), r::toString);
        assertTrue(r.withTimeoutTook().compareTo(Duration.ofMillis(200)) >= 0
                && r.withTimeoutTook().compareTo(Duration.ofSeconds(5)) < 0, r::toString);
        assertTrue(r.cleanedUp(), r::toString);
        assertEquals(2, r.toTable().rowCount());
        LeakReport leaks = baseline.leaksSince();
        assertTrue(leaks.isClean(), leaks::toString);
        assertThrows(IllegalArgumentException.class, () -> MissingTimeoutDemo.run(Duration.ZERO, Duration.ofMillis(200)));
    }

    @Test
    @DisplayName("vanishing exception: the ignored future FAILED silently; get() and exceptionally both surface the cause")
    void exceptionIsOnlySeenWhenRead() throws Exception {
        VanishingExceptionDemo.Result r = VanishingExceptionDemo.run();
        assertEquals("FAILED", r.ignoredState());
        assertTrue(r.readFuture().startsWith("ExecutionException") && r.readFuture().contains(VanishingExceptionDemo.MESSAGE), r.readFuture());
        assertTrue(r.withCallback().startsWith("handled in exceptionally") && r.withCallback().contains(VanishingExceptionDemo.MESSAGE),
                r.withCallback());
        assertEquals(3, r.toTable().rowCount());
    }

    @Test
    @DisplayName("lost updates: the thread-safe objects count every update; the unsafe ones never count more, and report their loss")
    void safeObjectsCountEveryUpdate() throws Exception {
        LostUpdateDemo.Result r = LostUpdateDemo.run(4, 50_000);
        assertEquals(200_000, r.expected());
        assertEquals(r.expected(), r.adder());
        assertEquals(r.expected(), r.synchronizedList());
        assertTrue(r.plainCounter() <= r.expected() && r.arrayList() <= r.expected(), r::toString);
        assertEquals(r.expected() - r.plainCounter(), r.lostByCounter());
        assertEquals(r.lostByCounter(), r.toTable().longColumn("lost").get(0));
        assertThrows(IllegalArgumentException.class, () -> LostUpdateDemo.run(1, 10));
    }

    @Test
    @DisplayName("pool sizing: no pool beats its bound latency x ceil(N / threads), and a bigger pool finishes sooner")
    void poolSizesMeetTheirBound() {
        Duration latency = Duration.ofMillis(30);
        DownloadComparison r = PoolSizing.run(20, latency, 1, 5, 20);
        assertEquals(3, r.rows().size());
        for (DownloadComparison.Row row : r.rows()) {
            assertEquals(20, row.report().okCount(), row::toString);
            assertEquals(latency.multipliedBy((20 + row.concurrency() - 1) / row.concurrency()), row.bound());
            assertTrue(row.measured().compareTo(row.bound()) >= 0, row::toString);
        }
        assertTrue(r.rows().get(0).measured().compareTo(r.rows().get(2).measured()) > 0, r.rows()::toString);
        assertEquals(3, r.toTable().rowCount());
        assertEquals(2, r.toChart().getSeriesMap().size());
        assertThrows(IllegalArgumentException.class, () -> PoolSizing.run(20, latency));
    }
}
