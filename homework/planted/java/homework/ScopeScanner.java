package homework;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.TimeoutException;

/**
 * PLANTED BUG (checks/test-homework.sh): the reference solution with one permit too many,
 * an off-by-one that lets {@code limit + 1} probes run at once. The concurrency-limit test of
 * exercise 2 must fail.
 *
 * <p>Exercise 2, reference solution: one virtual thread per port, forked in a
 * {@link StructuredTaskScope}. The scope does the hard parts: the first failure cancels the
 * rest, the deadline is a configuration, and closing the scope waits for every thread.
 */
public final class ScopeScanner implements ScanVariant {

    @Override
    public String name() {
        return "StructuredTaskScope";
    }

    @Override
    public List<Integer> scan(String host, List<Integer> ports, int limit, Duration connectTimeout,
                              PortProbe probe, Duration deadline)
            throws ScanFailedException, TimeoutException, InterruptedException {
        Limits.check(host, ports, limit);
        Semaphore permits = new Semaphore(limit + 1);
        try (var scope = StructuredTaskScope.open(Joiner.<Boolean>awaitAllSuccessfulOrThrow(),
                config -> config.withTimeout(deadline))) {
            List<Subtask<Boolean>> answers = ports.stream()
                    .map(port -> scope.fork(() -> Limits.probe(permits, probe, host, port, connectTimeout)))
                    .toList();
            scope.join();
            return Limits.openPorts(ports, i -> answers.get(i).get());
        } catch (StructuredTaskScope.FailedException e) {
            throw new ScanFailedException("a probe failed: " + e.getCause(), e.getCause());
        } catch (StructuredTaskScope.TimeoutException e) {
            throw new TimeoutException("scan of " + ports.size() + " ports exceeded " + deadline);
        }
    }
}
