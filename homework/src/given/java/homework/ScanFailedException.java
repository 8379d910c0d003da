package homework;

/**
 * A scan stopped because one probe failed; the cause is the probe's exception (given code).
 */
public final class ScanFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the probe of {@code port} that threw {@code cause}. */
    public ScanFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
