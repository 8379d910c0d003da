package homework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 2, reference solution: a plain fixed pool of {@code limit} platform threads (the
 * pool size is the limit) and an {@link ExecutorCompletionService} to see answers, and the
 * first failure, in completion order. Cancelling is {@code shutdownNow}, by hand, in a finally.
 */
public final class PoolScanner implements ScanVariant {

    @Override
    public String name() {
        return "plain executor";
    }

    @Override
    public List<Integer> scan(String host, List<Integer> ports, int limit, Duration connectTimeout,
                              PortProbe probe, Duration deadline)
            throws ScanFailedException, TimeoutException, InterruptedException {
        Limits.check(host, ports, limit);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(limit, ports.size())));
        try (pool) {
            CompletionService<Integer> answers = new ExecutorCompletionService<>(pool);
            for (int port : ports) {
                answers.submit(() -> probe.isOpen(host, port, connectTimeout) ? port : -port);
            }
            try {
                return collect(answers, ports.size(), System.nanoTime() + deadline.toNanos(), deadline);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Integer> collect(CompletionService<Integer> answers, int count, long endNanos, Duration deadline)
            throws ScanFailedException, TimeoutException, InterruptedException {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Future<Integer> next = answers.poll(endNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new TimeoutException("scan of " + count + " ports exceeded " + deadline);
            }
            try {
                int port = next.get();
                if (port > 0) {
                    open.add(port);
                }
            } catch (ExecutionException e) {
                throw new ScanFailedException("a probe failed: " + e.getCause(), e.getCause());
            }
        }
        open.sort(null);
        return open;
    }
}
