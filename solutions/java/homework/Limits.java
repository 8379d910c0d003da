package homework;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.IntPredicate;

/** Helpers the three reference scanners share: argument checks, a permit-guarded probe, the result list. */
final class Limits {

    private Limits() {
    }

    static void check(String host, List<Integer> ports, int limit) {
        LoopbackOnly.check(host, ports);
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " must be at least 1");
        }
    }

    static boolean probe(Semaphore permits, PortProbe probe, String host, int port, Duration timeout)
            throws IOException, InterruptedException {
        permits.acquire();
        try {
            return probe.isOpen(host, port, timeout);
        } finally {
            permits.release();
        }
    }

    static List<Integer> openPorts(List<Integer> ports, IntPredicate isOpen) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            if (isOpen.test(i)) {
                open.add(ports.get(i));
            }
        }
        open.sort(null);
        return open;
    }
}
