package homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

@DisplayName("Exercise 1: the hybrid scanner")
class Exercise1HybridScannerTest {

    private static final Duration CONNECT = Duration.ofMillis(500);
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    @DisplayName("a RangeScanTask survives serialization and reports its own pid and the planted ports")
    void theTaskTravelsAndReportsItsPid() throws Exception {
        try (var ports = new LoopbackPorts(2, 10)) {
            RangeScanTask task = roundTrip(new RangeScanTask(LoopbackPorts.HOST, ports.all(), 4, CONNECT));
            RangeReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), task::call);
            assertEquals(ProcessHandle.current().pid(), report.pid(), "pid of the process that ran call()");
            assertEquals(ports.open(), report.open());
        }
    }

    @Test
    @DisplayName("finds exactly the planted loopback ports, scanned by more than one worker process")
    void findsThePlantedPortsWithSeveralProcesses() {
        try (var ports = new LoopbackPorts(4, 60)) {
            HybridScan scan = assertTimeoutPreemptively(BOUND, () ->
                    HybridScanner.scan(LoopbackPorts.HOST, ports.all(), 2, 16, CONNECT));
            assertEquals(ports.open(), scan.openPorts(), "open ports, ascending");
            assertTrue(scan.pids().size() > 1, "slices were scanned by " + scan.pids().size() + " process(es), expected 2");
            assertFalse(scan.pids().contains(ProcessHandle.current().pid()),
                    "the calling JVM scanned a slice itself: the work must go to the worker processes");
        }
    }

    @Test
    @DisplayName("leaves no worker process running after scan() returns")
    void leavesNoWorkersBehind() throws Exception {
        Set<Long> before = descendants();
        try (var ports = new LoopbackPorts(1, 8)) {
            assertTimeoutPreemptively(BOUND, () -> HybridScanner.scan(LoopbackPorts.HOST, ports.all(), 2, 4, CONNECT));
        }
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            if (!before.contains(child.pid())) {
                child.onExit().get(15, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @DisplayName("refuses bad arguments: non-loopback host, no processes, no connects")
    void refusesBadArguments() {
        List<Integer> ports = List.of(3001, 3002);
        assertThrows(IllegalArgumentException.class, () -> HybridScanner.scan("192.0.2.1", ports, 2, 4, CONNECT));
        assertThrows(IllegalArgumentException.class, () -> HybridScanner.scan(LoopbackPorts.HOST, ports, 0, 4, CONNECT));
        assertThrows(IllegalArgumentException.class, () -> HybridScanner.scan(LoopbackPorts.HOST, ports, 2, 0, CONNECT));
    }

    @Test
    @DisplayName("the timing table compares the pure virtual-thread scanner with the hybrid on the same ports")
    void theTimingTableComparesBothScanners() {
        try (var ports = new LoopbackPorts(3, 40)) {
            Table table = assertTimeoutPreemptively(BOUND, () ->
                    ScanTiming.compare(LoopbackPorts.HOST, ports.all(), 2, 16, CONNECT));
            assertEquals(List.of("virtual threads", "hybrid"), table.stringColumn("Scanner").asList());
            assertEquals(List.of(ports.all().size(), ports.all().size()), table.intColumn("Ports").asList());
            assertEquals(List.of(3, 3), table.intColumn("Open").asList(), "open ports found by each scanner");
            assertEquals(1, table.intColumn("Processes").getInt(0), "processes of the pure version");
            assertTrue(table.intColumn("Processes").getInt(1) >= 1, "processes of the hybrid");
            for (int row = 0; row < 2; row++) {
                double millis = ((Number) table.column("Millis").get(row)).doubleValue();
                assertTrue(millis > 0, "Millis must be a positive wall-clock time, row " + row);
            }
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static RangeScanTask roundTrip(RangeScanTask task) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return assertInstanceOf(RangeScanTask.class, in.readObject(), "what came back");
        }
    }
}
