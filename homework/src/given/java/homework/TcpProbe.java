package homework;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;

/**
 * The real {@link PortProbe}: connects with a timeout and closes at once (given code).
 * Loopback only: any other address is refused, so the homework can never scan a machine
 * you do not own. Stateless and thread-safe.
 */
final class TcpProbe implements PortProbe {

    static final TcpProbe INSTANCE = new TcpProbe();

    private TcpProbe() {
    }

    @Override
    public boolean isOpen(String host, int port, Duration timeout) throws IOException, InterruptedException {
        InetSocketAddress address = LoopbackOnly.address(host, port);
        try (Socket socket = new Socket()) {
            socket.connect(address, Math.toIntExact(Math.max(1, timeout.toMillis())));
            return true;
        } catch (ConnectException | SocketTimeoutException closed) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("probe of port " + port + " cancelled");
            }
            return false;
        } catch (ClosedByInterruptException cancelled) {
            throw new InterruptedException("probe of port " + port + " cancelled");
        }
    }
}
