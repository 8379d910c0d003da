package concurrencylab.lab.ports;

import concurrencylab.scan.PortScanner;
import concurrencylab.scan.PortSpec;
import concurrencylab.scan.PortState;
import concurrencylab.scan.ScanRequest;
import concurrencylab.tasks.Loopback;
import concurrencylab.util.Require;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that never answer: listeners with a backlog of 1 that never accept, filled with
 * client connections until the kernel drops new SYNs. A connect to such a port gets no reply at
 * all, which is what a firewall's DROP looks like, so a scanner must call it
 * {@link PortState#FILTERED}, not closed.
 *
 * {@snippet :
 * try (var silent = SilentListeners.open(4)) {
 *     var request = ScanRequest.loopback(PortSpec.of(silent.ports())).withConnectTimeout(Duration.ofMillis(100));
 *     System.out.println(PortScanner.structured().scan(request).filtered()); // all four
 * }
 * }
 *
 * <p>Not thread-safe while opening; {@link #close()} closes every client and listener.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class SilentListeners implements AutoCloseable {
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final List<SocketChannel> clients = new ArrayList<>();

    /**
     * Opens {@code listeners} silent ports on 127.0.0.1.
     *
     * @throws IllegalArgumentException if {@code listeners} is outside 1..100
     * @throws IOException if a listener cannot be opened or its backlog never fills (everything
     *     opened is closed first)
     */
    public static SilentListeners open(int listeners) throws IOException {
        Require.inRange("silent listener count", listeners, 1, 100);
        SilentListeners full = new SilentListeners();
        try {
            for (int i = 0; i < listeners; i++) {
                full.fill(full.listen());
            }
        } catch (IOException | RuntimeException e) {
            full.close();
            throw e;
        }
        return full;
    }

    /** Returns the silent ports, in the order they were opened. */
    public int[] ports() {
        return servers.stream().mapToInt(s -> s.socket().getLocalPort()).toArray();
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        servers.add(server);
        server.bind(new InetSocketAddress(Loopback.IPV4, 0), 1);
        return server;
    }

    /**
     * Connects clients until two in a row get no answer within 150 ms (one could be a slow
     * machine, two is a full queue); at most 64 tries.
     */
    private void fill(ServerSocketChannel server) throws IOException {
        InetSocketAddress target = (InetSocketAddress) server.getLocalAddress();
        int unanswered = 0;
        for (int i = 0; i < 64 && unanswered < 2; i++) {
            SocketChannel client = SocketChannel.open();
            clients.add(client);
            client.configureBlocking(false);
            boolean answered = client.connect(target) || awaitConnect(client, 150);
            unanswered = answered ? 0 : unanswered + 1;
        }
        if (unanswered < 2) {
            throw new IOException("backlog of " + target + " never filled");
        }
    }

    private static boolean awaitConnect(SocketChannel client, long millis) throws IOException {
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_CONNECT);
            selector.select(millis);
            return client.finishConnect();
        }
    }

    /** Closes every client connection and listener. */
    @Override
    public void close() throws IOException {
        for (SocketChannel c : clients) {
            c.close();
        }
        for (ServerSocketChannel s : servers) {
            s.close();
        }
    }
}
