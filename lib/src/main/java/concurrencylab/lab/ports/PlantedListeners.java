package concurrencylab.lab.ports;

import concurrencylab.tasks.Loopback;
import concurrencylab.util.Require;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listeners on random free loopback ports, so a scan has something to find. Each listener
 * accepts and immediately closes every connection on its own virtual thread, so its backlog
 * never fills however often it is scanned. Low ports (below 1024) need root or
 * {@code CAP_NET_BIND_SERVICE}; without it they are skipped and {@link #lowSkipped()} says so.
 *
 * {@snippet :
 * try (var planted = PlantedListeners.open(2, 3)) {   // 2 below 1024, 3 above
 *     System.out.println("listening on " + planted.ports());
 * }
 * }
 *
 * <p>Thread-safe. {@link #close()} closes every listener and waits (bounded) for its thread.
 * Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class PlantedListeners implements AutoCloseable {
    private static final InetAddress LOOPBACK = Loopback.IPV4;
    private static final int SKIPPED_PORT = 2024;

    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private boolean lowSkipped;

    private PlantedListeners() {
    }

    /**
     * Opens {@code low} listeners on free ports in 1..1023 and {@code high} on ports the system
     * picks (port 0: an ephemeral port), all on 127.0.0.1.
     *
     * @throws IllegalArgumentException if a count is negative or above 100
     * @throws IOException if a high listener cannot be opened (everything opened is closed first)
     */
    public static PlantedListeners open(int low, int high) throws IOException {
        Require.inRange("low listener count", low, 0, 100);
        Require.inRange("high listener count", high, 0, 100);
        PlantedListeners planted = new PlantedListeners();
        try {
            planted.openLow(low);
            for (int i = 0; i < high; i++) {
                planted.start(newServer(0));
            }
        } catch (IOException | RuntimeException e) {
            planted.close();
            throw e;
        }
        return planted;
    }

    /** Returns the planted ports, ascending. */
    public synchronized List<Integer> ports() {
        return servers.stream().map(ServerSocket::getLocalPort).sorted().toList();
    }

    /** Returns whether low ports were asked for but could not be bound (not root). */
    public synchronized boolean lowSkipped() {
        return lowSkipped;
    }

    /** Closes every listener and waits up to 5 s for its accepting thread to end. */
    @Override
    public synchronized void close() {
        for (ServerSocket server : servers) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing a listener cannot fail in a way we could act on
            }
        }
        for (Thread acceptor : acceptors) {
            try {
                acceptor.join(java.time.Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "PlantedListeners" + ports();
    }

    private void openLow(int count) throws IOException {
        List<Integer> candidates = new ArrayList<>();
        for (int p = 1; p < 1024; p++) {
            candidates.add(p);
        }
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        for (int i = 0, opened = 0; opened < count && i < candidates.size(); i++) {
            try {
                start(newServer(candidates.get(i)));
                opened++;
            } catch (java.net.BindException inUseOrNotAllowed) {
                if (inUseOrNotAllowed.getMessage() != null
                        && inUseOrNotAllowed.getMessage().contains("ermission")) {
                    lowSkipped = true;
                    return;
                }
            }
        }
    }

    private static ServerSocket newServer(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(LOOPBACK, port), 128);
            if (server.getLocalPort() == SKIPPED_PORT) { // never ours: the machine's own service
                throw new java.net.BindException("port " + SKIPPED_PORT + " is reserved");
            }
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    private void start(ServerSocket server) {
        servers.add(server);
        acceptors.add(Thread.ofVirtual().name("planted-listener-" + server.getLocalPort())
                .start(() -> acceptUntilClosed(server)));
    }

    private static void acceptUntilClosed(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                // accept and hang up: the scanner only needs the handshake
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }
}
