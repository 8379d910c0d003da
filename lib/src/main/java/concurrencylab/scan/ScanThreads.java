package concurrencylab.scan;

import java.util.concurrent.ThreadFactory;

/** The default thread factory of the scanners: virtual threads named {@code port-scan-N}. */
public final class ScanThreads {
    static final String PREFIX = "port-scan-";

    private ScanThreads() {
    }

    public static ThreadFactory virtual() {
        return Thread.ofVirtual().name(PREFIX, 0).factory();
    }
}
