package concurrencylab.scan;

import concurrencylab.util.Failures;
import concurrencylab.util.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The port scanner on {@link CompletableFuture}: one {@code runAsync} per slot of the concurrency on
 * a virtual-thread executor, combined with {@code allOf}. A lesson hides here:
 * {@code CompletableFuture.cancel} does not interrupt the thread running the task, so on
 * failure the scanner raises a stop flag and shuts the executor down itself.
 *
 * {@snippet :
 * ScanResult result = new FuturePortScanner().scan(ScanRequest.loopback("1-1024"));
 * }
 *
 * <p>Thread-safe and stateless between scans. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class FuturePortScanner implements PortScanner {
    private final Connector connector;
    private final ThreadFactory threads;

    /** Creates a scanner on virtual threads. */
    public FuturePortScanner() {
        this(Connector.best(), ScanThreads.virtual());
    }

    FuturePortScanner(Connector connector, ThreadFactory threads) {
        this.connector = connector;
        this.threads = threads;
    }

    @Override
    public String variant() {
        return "CompletableFuture";
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanListener listener) throws InterruptedException {
        Require.nonNull("request", request);
        Sweep sweep = new Sweep(request, connector, listener);
        long start = System.nanoTime();
        try (ExecutorService pool = java.util.concurrent.Executors.newThreadPerTaskExecutor(threads)) {
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            CompletableFuture<?>[] workers = new CompletableFuture<?>[sweep.workers()];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = CompletableFuture.runAsync(() -> run(sweep), pool)
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                firstFailure.compareAndSet(null, failure);
                                stop(sweep, pool); // fail fast: allOf alone would wait for everyone
                            }
                        });
            }
            await(CompletableFuture.allOf(workers), firstFailure, start, sweep, pool, request);
        }
        return sweep.result(request, variant(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void run(Sweep sweep) {
        try {
            sweep.work();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CompletableFuture<Void> all, AtomicReference<Throwable> firstFailure, long start,
            Sweep sweep, ExecutorService pool, ScanRequest request) throws InterruptedException {
        String host = request.host().getHostAddress();
        try {
            all.get(request.deadline().toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            stop(sweep, pool);
            Throwable first = firstFailure.get() != null ? firstFailure.get() : e.getCause(); // allOf keeps any one
            Throwable cause = Failures.unwrap(first);
            cause = cause instanceof UncheckedIOException u ? u.getCause() : cause;
            throw new ScanAbortedException("scan of " + host + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            stop(sweep, pool);
            throw new ScanAbortedException("scan of " + host + " exceeded its deadline of "
                    + request.deadline().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            stop(sweep, pool);
            throw e;
        }
    }

    private static void stop(Sweep sweep, ExecutorService pool) {
        sweep.stop();
        pool.shutdownNow(); // cancel(true) on a CompletableFuture would not interrupt anyone
    }
}
