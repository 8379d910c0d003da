package homework;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 2: the scanner written with an ExecutorService and submit/invokeAll (yours to write).
 * Keep the contract in {@link ScanVariant}.
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
        throw new UnsupportedOperationException("TODO: exercise 2, the scanner with an ExecutorService and submit/invokeAll");
    }
}
