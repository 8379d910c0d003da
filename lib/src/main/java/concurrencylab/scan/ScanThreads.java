package concurrencylab.scan;

import java.util.concurrent.ThreadFactory;

/** The default thread factory of the scanners: virtual threads named {@code port-scan-N}. */
final class ScanThreads {
    static final String PREFIX = "port-scan-";

    private ScanThreads() {
    }

    static ThreadFactory virtual() {
        return Thread.ofVirtual().name(PREFIX, 0).factory();
    }
}
