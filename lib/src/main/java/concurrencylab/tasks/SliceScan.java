package concurrencylab.tasks;

import concurrencylab.scan.PortScanner;
import concurrencylab.scan.PortSpec;
import concurrencylab.scan.ScanRequest;
import java.time.Duration;
import java.util.List;

/**
 * Scans a slice of ports with the structured scanner (virtual threads) in whichever JVM runs
 * it. See {@link LabTasks#scanSlice}. The request is checked when the task is made, so bad
 * arguments fail in the caller, before the task travels anywhere.
 */
record SliceScan(String host, List<Integer> ports, int limit, Duration timeout) implements PortableCallable<SliceReport> {

    SliceScan {
        ports = List.copyOf(ports);
        request(host, ports, limit, timeout);
    }

    @Override
    public SliceReport call() throws InterruptedException {
        var result = PortScanner.structured().scan(request(host, ports, limit, timeout));
        return new SliceReport(ProcessHandle.current().pid(), result.open());
    }

    private static ScanRequest request(String host, List<Integer> ports, int limit, Duration timeout) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("scanSlice needs at least one port; accepted: ports 1..65535");
        }
        return ScanRequest.of(host, String.valueOf(ports.getFirst()))
                .withPorts(PortSpec.of(ports.stream().mapToInt(Integer::intValue).toArray()))
                .withConcurrency(limit)
                .withConnectTimeout(timeout);
    }
}
