package concurrencylab.scan;

/**
 * Thrown when a scan stops before every port was probed: a worker failed (for example, out of
 * file descriptors), the listener threw, or the scan ran past its deadline. By the time it is
 * thrown, every worker thread has ended and every socket is closed.
 *
 * <p>Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public class ScanAbortedException extends RuntimeException {
    /** Creates the exception with a message saying why and the failure that caused it. */
    public ScanAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
