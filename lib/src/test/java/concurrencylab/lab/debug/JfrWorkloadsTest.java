package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JfrWorkloadsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration NAP = Duration.ofMillis(30);

    @Test
    @DisplayName("a virtual thread sleeping under a native frame (qsort comparator) is reported as pinned, once per task")
    void nativeFramePins() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), () -> JfrWorkloads.pinnedInNativeFrame(3, NAP));
            var pinned = s.eventsOf("jdk.VirtualThreadPinned");
            var inComparator = pinned.stream().filter(e -> e.where().startsWith("JfrWorkloads.compareSleepily")
                    && e.detail().contains("Native or VM frame")).toList();
            assertEquals(3, inComparator.stream().map(JfrSummary.ConcurrencyEvent::thread).distinct().count(),
                    pinned::toString);
        });
    }

    @Test
    @DisplayName("a virtual thread blocked in a class initializer is reported as pinned, each task loading its own copy of the class")
    void classInitializerPins() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), () -> JfrWorkloads.pinnedInClassInit(3));
            var pinned = s.eventsOf("jdk.VirtualThreadPinned");
            assertEquals(3, pinned.stream().map(JfrSummary.ConcurrencyEvent::thread).distinct().count(), s::toString);
            assertTrue(pinned.stream().allMatch(e -> e.detail().contains("<clinit>")), pinned::toString);
        });
    }

    @Test
    @DisplayName("a virtual thread sleeping inside synchronized is not pinned on JDK 24+ (JEP 491)")
    void synchronizedNoLongerPins() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), () -> JfrWorkloads.sleepInSynchronized(3, NAP));
            assertEquals(0, s.eventsOf("jdk.VirtualThreadPinned").size(), s::toString);
        });
    }

    @Test
    @DisplayName("platform threads queueing for one monitor are reported as jdk.JavaMonitorEnter")
    void contendedMonitorIsReported() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), () -> JfrWorkloads.contendedMonitor(3, NAP));
            var enters = s.eventsOf("jdk.JavaMonitorEnter");
            assertTrue(enters.size() >= 1, s::toString);
            assertTrue(enters.stream().allMatch(e -> e.where().startsWith("JfrWorkloads.holdMonitor")), enters::toString);
        });
    }

    @Test
    @DisplayName("hashing then sorting is seen by the CPU sampler as hashFor first, sortFor too, and never the probe itself")
    void hashingIsHot() {
        assertTimeoutPreemptively(LIMIT, () -> {
            JfrSummary s = JfrProbe.record(Duration.ofSeconds(10), () -> {
                JfrWorkloads.hashFor(Duration.ofMillis(300));
                JfrWorkloads.sortFor(Duration.ofMillis(100));
            });
            assertTrue(s.hotMethods(1).containsKey("JfrWorkloads.hashFor"), s::toString);
            assertTrue(s.hotMethods(5).containsKey("JfrWorkloads.sortFor"), s::toString);
            assertTrue(s.hotMethods(5).keySet().stream().noneMatch(m -> m.startsWith("JfrProbe.")), s::toString);
        });
    }

    @Test
    @DisplayName("task counts and naps out of range are rejected")
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> JfrWorkloads.pinnedInNativeFrame(0, NAP));
        assertThrows(IllegalArgumentException.class, () -> JfrWorkloads.pinnedInClassInit(1001));
        assertThrows(IllegalArgumentException.class, () -> JfrWorkloads.sleepInSynchronized(1, Duration.ofMinutes(1)));
    }
}
