package homework;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The 7.6 scanner, pure virtual threads: one virtual thread per port, at most {@code limit}
 * connects at once (given code: the baseline of exercise 1 and the worker inside each process).
 *
 * {@snippet :
 * List<Integer> open = VirtualScanner.scan("127.0.0.1", List.of(8080, 8081), 500, Duration.ofMillis(500));
 * }
 * <p>Stateless and thread-safe; every thread it starts has ended when {@code scan} returns.
 */
public final class VirtualScanner {

    private VirtualScanner() {
    }

    /**
     * Scans {@code ports} on a loopback host.
     *
     * @return the open ports, ascending
     * @throws IllegalArgumentException if the host is not loopback, a port is outside 1-65535
     *     or {@code limit < 1}
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public static List<Integer> scan(String host, List<Integer> ports, int limit, Duration timeout)
            throws InterruptedException {
        LoopbackOnly.check(host, ports);
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " must be at least 1");
        }
        Semaphore permits = new Semaphore(limit);
        List<Future<Boolean>> results = new ArrayList<>(ports.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : ports) {
                results.add(threads.submit(() -> probe(permits, host, port, timeout)));
            }
            return openPorts(ports, results);
        }
    }

    private static boolean probe(Semaphore permits, String host, int port, Duration timeout)
            throws InterruptedException {
        permits.acquire();
        try {
            return PortProbe.tcp().isOpen(host, port, timeout);
        } catch (IOException unreachable) {
            return false;
        } finally {
            permits.release();
        }
    }

    private static List<Integer> openPorts(List<Integer> ports, List<Future<Boolean>> results)
            throws InterruptedException {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            try {
                if (results.get(i).get()) {
                    open.add(ports.get(i));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("probe of port " + ports.get(i) + " failed", e.getCause());
            }
        }
        open.sort(null);
        return open;
    }
}
