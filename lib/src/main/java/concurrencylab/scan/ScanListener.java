package concurrencylab.scan;

import concurrencylab.notebook.Lesson;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Hears about each open port as soon as it is found, before the scan ends.
 *
 * {@snippet :
 * ScanListener printing = ScanListener.printing(System.out);   // prints "[程序员晚枫] 127.0.0.1:8080 is open"
 * PortScanner.structured().scan(ScanRequest.loopback("1-1024"), printing);
 * }
 *
 * <p>The scanners call a listener from their worker threads, one call at a time (calls are
 * serialized, so a listener needs no locking of its own); a listener that throws fails the scan.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
@FunctionalInterface
public interface ScanListener {
    /** Called once per open port, in the order the ports are found (not sorted). */
    void open(InetAddress host, int port);

    /** Returns a listener that ignores everything. */
    static ScanListener silent() {
        return (host, port) -> { };
    }

    /**
     * Returns a listener printing one line per open port to {@code out}, signed with the
     * course's signature ({@link #signedLine}).
     */
    static ScanListener printing(PrintStream out) {
        return (host, port) -> out.println(signedLine(host, port));
    }

    /**
     * Returns the line {@link #printing} prints for an open port: {@link Lesson#signed} of
     * {@code host:port is open}, e.g. {@code [程序员晚枫] 127.0.0.1:8080 is open}.
     */
    public static String signedLine(InetAddress host, int port) {
        String endpoint = new InetSocketAddress(host, port).toString();
        return Lesson.signed(endpoint.substring(endpoint.indexOf('/') + 1) + " is open");
    }
}
