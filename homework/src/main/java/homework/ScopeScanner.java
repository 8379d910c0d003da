package homework;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 2: the scanner written with StructuredTaskScope.open() and one fork per port (yours to write).
 * Keep the contract in {@link ScanVariant}.
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
        throw new UnsupportedOperationException("TODO: exercise 2, the scanner with StructuredTaskScope.open() and one fork per port");
    }
}
