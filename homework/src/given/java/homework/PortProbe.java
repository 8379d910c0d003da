package homework;

import java.io.IOException;
import java.time.Duration;

/**
 * Checks whether one TCP port accepts a connection (given code: you do not change it).
 *
 * {@snippet :
 * boolean open = PortProbe.tcp().isOpen("127.0.0.1", 8080, Duration.ofMillis(500));
 * }
 * <p>Implementations must be safe to call from many threads at once.
 */
@FunctionalInterface
public interface PortProbe {

    /**
     * Tells whether {@code host:port} accepts a TCP connection within {@code timeout}.
     *
     * @return true if the connection was accepted, false if it was refused or timed out
     * @throws IOException for any other failure (the scanners treat it as an error)
     * @throws InterruptedException if the calling thread was interrupted (cancelled)
     */
    boolean isOpen(String host, int port, Duration timeout) throws IOException, InterruptedException;

    /** Returns the real probe: a blocking connect with a timeout, closed at once. */
    static PortProbe tcp() {
        return TcpProbe.INSTANCE;
    }
}
