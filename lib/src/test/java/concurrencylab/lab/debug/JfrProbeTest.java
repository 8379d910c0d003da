package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JfrProbeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** A planted custom event. */
    @Name("concurrencylab.test.Marker")
    @Label("Marker")
    static class Marker extends jdk.jfr.Event {
        @Label("note")
        String note;
    }

    @Test
    @DisplayName("a 50 ms LockSupport.parkNanos in the block is reported as jdk.ThreadPark at the test's frame")
    void seesPlantedPark() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), JfrProbeTest::parkBriefly);
            List<JfrSummary.ConcurrencyEvent> parks = s.eventsOf("jdk.ThreadPark");
            assertTrue(parks.stream().anyMatch(e -> e.where().startsWith("JfrProbeTest.parkBriefly")
                    && e.duration().toMillis() >= 40 && e.thread().equals("jfr-probe-block")), s::toString);
            assertTrue(s.finished());
            assertTrue(s.countsTable().stringColumn("event").contains("jdk.ThreadPark"));
        });
    }

    private static void parkBriefly() {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }

    @Test
    @DisplayName("a custom jdk.jfr.Event named in extraEvents is reported with its fields")
    void seesCustomEvent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), List.of("concurrencylab.test.Marker"), () -> {
                Marker m = new Marker();
                m.begin();
                m.note = "planted";
                Thread.sleep(20);
                m.commit();
            });
            var markers = s.eventsOf("concurrencylab.test.Marker");
            assertEquals(1, markers.size(), s::toString);
            assertTrue(markers.getFirst().detail().contains("note=planted"), markers.toString());
        });
    }

    @Test
    @DisplayName("a busy loop is sampled and its method tops the hot-method table and chart")
    void hotMethodIsSampled() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), JfrProbeTest::spin);
            assertTrue(s.samples() > 0, s::toString);
            assertTrue(s.hotMethods(3).containsKey("JfrProbeTest.spin"), s::toString);
            assertEquals(1, s.hotMethodsChart(3).getSeriesMap().size());
            assertTrue(s.hotMethodsTable(3).rowCount() >= 1);
        });
    }

    static long sink;

    private static void spin() {
        long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
        }
        sink = x;
    }

    @Test
    @DisplayName("a block that outlives the timeout is interrupted and the summary says it did not finish")
    void timeoutStopsTheRecording() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofMillis(200), () -> Thread.sleep(20_000));
            assertFalse(s.finished());
            assertTrue(s.toString().contains("TIMED OUT"));
        });
    }

    @Test
    @DisplayName("a zero or negative timeout is rejected")
    void rejectsBadTimeout() {
        assertThrows(IllegalArgumentException.class, () -> JfrProbe.record(Duration.ZERO, () -> { }));
    }
}
