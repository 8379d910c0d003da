package concurrencylab.scan;

/**
 * Scans TCP ports of one host and reports each as open, closed or filtered.
 *
 * <p>Three implementations do the same work and differ only in the concurrency API that runs
 * it, so a notebook can set them side by side: {@link StructuredPortScanner} (the main one, on
 * {@code StructuredTaskScope}), {@link FuturePortScanner} ({@code CompletableFuture}) and
 * {@link ExecutorPortScanner} (a plain {@code ExecutorService}). All of them run at most
 * {@link ScanRequest#concurrency()} connects at once on virtual threads, start each connect's clock
 * only when it may run, stream open ports to a {@link ScanListener}, discard self-connects,
 * and return the ports sorted. When a scan fails or is cancelled, every worker thread has
 * ended and every socket is closed before the call returns.
 *
 * {@snippet :
 * try (var planted = PlantedListeners.open(0, 3)) {   // the lab's listeners (concurrencylab.lab.ports)
 *     ScanResult result = PortScanner.structured().scan(ScanRequest.loopback("1-65535"),
 *             ScanListener.printing(System.out));
 *     System.out.println(result.summary());
 * }
 * }
 *
 * <p>Implementations are thread-safe: one scanner may run several scans at once.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public interface PortScanner {

    /**
     * Scans {@code request.ports()} on {@code request.host()}, telling {@code listener} about each
     * open port as soon as it is found.
     *
     * @throws InterruptedException if the calling thread is interrupted; the scan is cancelled
     *     and cleaned up first
     * @throws ScanAbortedException if a probe fails in a way that says nothing about the port
     *     (e.g. no file descriptors left), the listener throws, or the scan exceeds
     *     {@link ScanRequest#deadline()}
     * @throws NullPointerException if {@code request} is null
     */
    ScanResult scan(ScanRequest request, ScanListener listener) throws InterruptedException;

    /** Scans without a listener; see {@link #scan(ScanRequest, ScanListener)}. */
    default ScanResult scan(ScanRequest request) throws InterruptedException {
        return scan(request, ScanListener.silent());
    }

    /** Returns the name of the concurrency API this scanner uses, e.g. {@code StructuredTaskScope}. */
    String variant();

    /** Returns the main scanner, built on {@code StructuredTaskScope}. */
    static PortScanner structured() {
        return new StructuredPortScanner();
    }
}
