package homework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Test fixture: listeners the test opens itself on 127.0.0.1 (the only ports a grading test
 * ever finds open) plus ports that were free a moment ago. Never port 2024, never off loopback.
 */
final class LoopbackPorts implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final int FORBIDDEN = 2024;

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Integer> closed = new ArrayList<>();

    LoopbackPorts(int open, int free) {
        try {
            for (int i = 0; i < open; i++) {
                listeners.add(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            }
            while (closed.size() < free) {
                try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    closed.add(probe.getLocalPort());
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not open loopback listeners", e);
        }
    }

    /** The planted (listening) ports, ascending. */
    List<Integer> open() {
        return listeners.stream().map(ServerSocket::getLocalPort).sorted().toList();
    }

    /** Every port to scan: planted and free ones, shuffled into a fixed order. */
    List<Integer> all() {
        List<Integer> ports = new ArrayList<>(new TreeSet<>(open()));
        ports.addAll(closed);
        ports.removeIf(p -> p == FORBIDDEN);
        Collections.rotate(ports, ports.size() / 2);
        return List.copyOf(ports);
    }

    @Override
    public void close() {
        for (ServerSocket listener : listeners) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing a listener we opened: nothing useful to do
            }
        }
    }
}
