package concurrencylab.scan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: loopback listeners with a backlog of 1 that never accept, filled with client
 * connections until the kernel drops new SYNs. A connect to such a port gets no answer, which is
 * what a firewall's DROP looks like: the scanner must call it FILTERED.
 */
final class FullBacklog implements AutoCloseable {
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final List<SocketChannel> clients = new ArrayList<>();

    static FullBacklog open(int listeners) throws IOException {
        FullBacklog full = new FullBacklog();
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

    int[] ports() {
        return servers.stream().mapToInt(s -> s.socket().getLocalPort()).toArray();
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        servers.add(server);
        server.bind(new InetSocketAddress(ScanHosts.IPV4_LOOPBACK, 0), 1);
        return server;
    }

    /** Connects clients until one gets no answer within 300 ms; at most 64 tries. */
    private void fill(ServerSocketChannel server) throws IOException {
        InetSocketAddress target = (InetSocketAddress) server.getLocalAddress();
        for (int i = 0; i < 64; i++) {
            SocketChannel client = SocketChannel.open();
            clients.add(client);
            client.configureBlocking(false);
            if (!client.connect(target) && !awaitConnect(client, 300)) {
                return; // this SYN was dropped: the queue is full
            }
        }
        throw new IOException("backlog of " + target + " never filled");
    }

    private static boolean awaitConnect(SocketChannel client, long millis) throws IOException {
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_CONNECT);
            selector.select(millis);
            return client.finishConnect();
        }
    }

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
