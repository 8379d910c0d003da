package concurrencylab.scan;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.ThreadFactory;

/**
 * The port scanner on {@code StructuredTaskScope} (JDK 25 preview): one subtask per slot of the
 * concurrency limit, each taking ports from a shared cursor; the scope's timeout bounds the
 * whole scan; the first failure cancels the rest; closing the scope waits for every subtask.
 *
 * {@snippet :
 * ScanResult result = new StructuredPortScanner().scan(ScanRequest.loopback("1-1024"));
 * }
 *
 * <p>Thread-safe and stateless between scans. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class StructuredPortScanner implements PortScanner {
    private final Connector connector;
    private final ThreadFactory threads;

    /** Creates a scanner on virtual threads. */
    public StructuredPortScanner() {
        this(Connector.best(), ScanThreads.virtual());
    }

    StructuredPortScanner(Connector connector, ThreadFactory threads) {
        this.connector = connector;
        this.threads = threads;
    }

    @Override
    public String variant() {
        return "StructuredTaskScope";
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanListener listener) throws InterruptedException {
        Require.nonNull("request", request);
        Sweep sweep = new Sweep(request, connector, listener);
        long start = System.nanoTime();
        try (var scope = StructuredTaskScope.open(Joiner.<Void>awaitAllSuccessfulOrThrow(),
                cfg -> cfg.withName("port-scan").withThreadFactory(threads).withTimeout(request.deadline()))) {
            for (int w = 0; w < sweep.workers(); w++) {
                scope.fork(sweep::work);
            }
            scope.join();
        } catch (StructuredTaskScope.FailedException e) {
            throw new ScanAbortedException("scan of " + request.host().getHostAddress() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (StructuredTaskScope.TimeoutException e) {
            throw new ScanAbortedException("scan of " + request.host().getHostAddress()
                    + " exceeded its deadline of " + request.deadline().toSeconds() + " s", e);
        }
        return sweep.result(request, variant(), Duration.ofNanos(System.nanoTime() - start));
    }
}
