package concurrencylab.scan;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The port scanner on a plain {@link ExecutorService} (a thread per task, virtual threads):
 * submit one task per slot of the limit, then take them in completion order against one deadline.
 * Everything {@code StructuredTaskScope} does for free is written out by hand here: cancel
 * the others when one fails, cancel everything when the caller is interrupted, and let the
 * executor's {@code close()} wait for the workers.
 *
 * {@snippet :
 * ScanResult result = new ExecutorPortScanner().scan(ScanRequest.loopback("1-1024"));
 * }
 *
 * <p>Thread-safe and stateless between scans. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class ExecutorPortScanner implements PortScanner {
    private final Connector connector;
    private final ThreadFactory threads;

    /** Creates a scanner on virtual threads. */
    public ExecutorPortScanner() {
        this(Connector.best(), ScanThreads.virtual());
    }

    ExecutorPortScanner(Connector connector, ThreadFactory threads) {
        this.connector = connector;
        this.threads = threads;
    }

    @Override
    public String variant() {
        return "ExecutorService";
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanListener listener) throws InterruptedException {
        Require.nonNull("request", request);
        Sweep sweep = new Sweep(request, connector, listener);
        long start = System.nanoTime();
        long deadline = start + request.deadline().toNanos();
        try (ExecutorService pool = java.util.concurrent.Executors.newThreadPerTaskExecutor(threads)) {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < sweep.workers(); w++) {
                workers.add(done.submit(sweep::work));
            }
            awaitAll(done, workers, deadline, sweep, request);
        }
        return sweep.result(request, variant(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Takes the workers in completion order, so the first failure is seen at once. */
    private static void awaitAll(CompletionService<Void> done, List<Future<Void>> workers, long deadline,
            Sweep sweep, ScanRequest request) throws InterruptedException {
        try {
            for (int i = 0; i < workers.size(); i++) {
                Future<Void> finished = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (finished == null) {
                    throw new TimeoutException();
                }
                finished.get();
            }
        } catch (ExecutionException e) {
            cancel(workers, sweep);
            throw new ScanAbortedException("scan of " + request.host().getHostAddress() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            cancel(workers, sweep);
            throw new ScanAbortedException("scan of " + request.host().getHostAddress()
                    + " exceeded its deadline of " + request.deadline().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            cancel(workers, sweep);
            throw e;
        }
    }

    private static void cancel(List<Future<Void>> workers, Sweep sweep) {
        sweep.stop();
        workers.forEach(f -> f.cancel(true)); // interrupts a worker blocked in a connect
    }
}
