package homework;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PLANTED BUG (checks/test-homework.sh): the reference solution without its two
 * {@code shutdownNow()} calls, the classic CompletableFuture mistake: on a failure, a timeout
 * or an interrupt the scan stops waiting but the running probes are never interrupted, and
 * closing the executor then waits for them. The cancellation tests of exercise 2 must fail.
 *
 * <p>Exercise 2, reference solution: one {@link CompletableFuture} per port on virtual threads.
 * {@code allOf} waits for every future even after one failed, and {@code cancel(true)} does
 * not interrupt a running supplier: so a "first failure" future fails fast, and the executor's
 * {@code shutdownNow} does the cancelling.
 */
public final class FutureScanner implements ScanVariant {

    @Override
    public String name() {
        return "CompletableFuture";
    }

    @Override
    public List<Integer> scan(String host, List<Integer> ports, int limit, Duration connectTimeout,
                              PortProbe probe, Duration deadline)
            throws ScanFailedException, TimeoutException, InterruptedException {
        Limits.check(host, ports, limit);
        Semaphore permits = new Semaphore(limit);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (threads) {
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            List<CompletableFuture<Boolean>> answers = ports.stream()
                    .map(port -> CompletableFuture.supplyAsync(
                            () -> unchecked(permits, probe, host, port, connectTimeout), threads))
                    .peek(f -> f.whenComplete((ok, error) -> failFast(firstFailure, error)))
                    .toList();
            CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
            try {
                CompletableFuture.anyOf(all, firstFailure).get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable cause = unwrap(e.getCause());
                throw new ScanFailedException("a probe failed: " + cause, cause);
            } catch (TimeoutException | InterruptedException e) {
                throw e;
            }
            return Limits.openPorts(ports, i -> answers.get(i).join());
        }
    }

    private static void failFast(CompletableFuture<Void> firstFailure, Throwable error) {
        if (error != null) {
            firstFailure.completeExceptionally(error);
        }
    }

    private static boolean unchecked(Semaphore permits, PortProbe probe, String host, int port, Duration timeout) {
        try {
            return Limits.probe(permits, probe, host, port, timeout);
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
