package concurrencylab.lab.server;

import concurrencylab.util.Require;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downloads benchmark's peer: the least an HTTP server can do for {@code GET /img/{n}},
 * written on bare sockets. One virtual thread per connection reads a request's head, waits
 * the configured latency, and writes the whole response (status line, two headers, the same
 * bytes as {@link LabServer}'s image {@code n}) in one write; it keeps the connection for the
 * next request. No jitter, faults, limit, pages or counters beyond the connection count.
 * {@code ./course bench downloads} times the all-at-once downloads against it in the same run
 * as against the lab server, so its table shows how much of the time above the bound the
 * machine takes (client, sockets, 2 cores) and how much the lab server adds.
 *
 * <p>Not a server for the lessons: anything but {@code GET /img/{n}} with no request body is
 * answered 404 and the connection closed. Listens on 127.0.0.1 only.
 * {@link #close()} closes the listening socket and every connection, then waits up to
 * {@link #CLOSE_WAIT} for its threads to end. Thread-safe.
 */
public final class BareResponder implements AutoCloseable {
    /** How long {@link #close()} waits for the connection threads to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** The longest request head accepted, in bytes. */
    static final int MAX_HEAD = 8192;

    private final LabConfig config;
    private final ServerSocket listener;
    private final URI base;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong connections = new AtomicLong();
    private final byte[][] responses;

    private BareResponder(LabConfig config, int images) throws IOException {
        this.config = config;
        this.listener = new ServerSocket(0, 8192, InetAddress.getLoopbackAddress());
        this.base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + listener.getLocalPort() + "/");
        this.responses = new byte[images][];
        for (int n = 0; n < images; n++) {
            responses[n] = response(200, "application/octet-stream", RequestPlan.image(config, n));
        }
        this.acceptor = Thread.ofVirtual().name("bare-responder-" + listener.getLocalPort() + "-accept")
                .start(this::accept);
    }

    /**
     * Starts a responder for images {@code 0 .. images-1}, with {@code config}'s latency and
     * image size (its jitter and faults are not used).
     *
     * @throws NullPointerException     if {@code config} is null
     * @throws IllegalArgumentException if {@code images} is outside 1..10000
     */
    public static BareResponder start(LabConfig config, int images) {
        Require.nonNull("config", config);
        Require.inRange("images", images, 1, 10_000);
        try {
            return new BareResponder(config, images);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + InetAddress.getLoopbackAddress(), e);
        }
    }

    /** Returns the address of image {@code n}. */
    public URI imageUri(int n) {
        return base.resolve("img/" + n);
    }

    /** Returns how many connections it has accepted. */
    long connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException closedOrBroken) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Thread t = Thread.ofVirtual().name("bare-responder-" + listener.getLocalPort()).unstarted(() -> serve(socket));
            threads.add(t); // before it starts, so that its own removal at the end cannot come first
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
             OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            byte[] head = new byte[MAX_HEAD];
            while (!closed.get()) {
                int length = readHead(in, head);
                if (length < 0) {
                    return; // the client closed the connection, or sent more than MAX_HEAD
                }
                byte[] response = respond(new String(head, 0, length, StandardCharsets.ISO_8859_1));
                if (response == null) {
                    out.write(response(404, "text/plain", "only GET /img/{n} is served\n".getBytes(StandardCharsets.US_ASCII)));
                    return;
                }
                Thread.sleep(config.latency());
                out.write(response);
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, or close() closed the socket
        } finally {
            open.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    /** Returns the response for a request head, or null for anything but {@code GET /img/{n}} without a body. */
    private byte[] respond(String head) {
        int lineEnd = head.indexOf("\r\n");
        String[] line = (lineEnd < 0 ? head : head.substring(0, lineEnd)).split(" ");
        if (line.length != 3 || !line[0].equals("GET") || hasBody(head)) {
            return null;
        }
        LabServer.Route route = LabServer.Route.of(line[1], config);
        return route != null && route.image() && route.number() < responses.length ? responses[route.number()] : null;
    }

    private static boolean hasBody(String head) {
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("\r\ncontent-length:") && !lower.contains("\r\ncontent-length: 0\r\n")
                || lower.contains("\r\ntransfer-encoding:");
    }

    /**
     * Reads one request head (up to and including the blank line) into {@code head}; returns
     * its length without the final CRLF CRLF, or -1 at the end of the stream or if it does not
     * fit.
     */
    private static int readHead(InputStream in, byte[] head) throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (length == head.length) {
                return -1;
            }
            head[length++] = (byte) b;
            if (length >= 4 && head[length - 1] == '\n' && head[length - 2] == '\r' && head[length - 3] == '\n'
                    && head[length - 4] == '\r') {
                return length - 4;
            }
        }
        return -1;
    }

    private static byte[] response(int status, String type, byte[] body) {
        String reason = status == 200 ? "OK" : "Not Found";
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + (status == 200 ? "" : "\r\nConnection: close") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Closes the listening socket, then (once no connection can be accepted any more) every
     * connection, interrupting the threads that wait out a latency; waits up to
     * {@link #CLOSE_WAIT} in all for its threads to end.
     *
     * @throws IllegalStateException if a thread is still running after that
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        closeQuietly(listener);
        try {
            awaitEnd(acceptor, deadline); // after this, every connection is in open and its thread in threads
            for (Socket s : open) {
                closeQuietly(s);
            }
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                awaitEnd(t, deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitEnd(Thread t, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !t.join(Duration.ofNanos(left))) {
            throw new IllegalStateException("a responder thread did not end within " + CLOSE_WAIT + ": " + t);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "BareResponder " + base + (closed.get() ? " (closed)" : "") + ", latency " + config.latency().toMillis()
                + " ms, " + config.imageBytes() + " bytes per image";
    }
}
