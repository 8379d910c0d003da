package concurrencylab.lab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client JVM of {@link ConnectionsBench}: {@code connections} virtual threads, one GET of
 * {@code /img/n} each with {@code Connection: close}, against a lab server on loopback; prints
 * {@code RESULT ok errors seconds [first=error]}. Started by {@link ConnectionsBench#run}, not
 * by hand. Every connect waits at most 60 s and every read the hold plus 60 s; the whole run
 * waits at most the read timeout plus 60 s, then stops its threads.
 *
 * <p>Thread safety: a process main.
 */
public final class LoadClients {
    /** The first word of the result line. */
    static final String RESULT = "RESULT ";

    private LoadClients() {
    }

    /**
     * The client JVM: {@code PORT CONNECTIONS HOLD_MS}. Exit status 0 after the run (the
     * result line says how it went), 2 on bad arguments or a too-low descriptor limit.
     *
     * @throws InterruptedException if interrupted while waiting for the clients
     */
    public static void main(String[] args) throws InterruptedException {
        int[] n = new int[3];
        try {
            if (args.length != 3) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 3; i++) {
                n[i] = Integer.parseInt(args[i]);
            }
        } catch (NumberFormatException bad) {
            System.out.println("(client JVM) expected PORT CONNECTIONS HOLD_MS as whole numbers, got " + String.join(" ", args));
            System.exit(2);
        }
        System.exit(clients(n[0], n[1], n[2]));
    }

    private static int clients(int port, int connections, int holdMs) throws InterruptedException {
        String tooFew = ConnectionsBench.descriptorShortage(connections);
        if (tooFew != null) {
            System.out.println("(client JVM) " + tooFew);
            return 2;
        }
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        int readTimeoutMs = holdMs + 60_000;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                int n = i;
                threads.execute(() -> {
                    try {
                        if (get(server, n, readTimeoutMs)) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "a status other than 200");
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
            if (!done.await(readTimeoutMs + 60_000L, TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, RESULT + "%d %d %.3f%s%n", ok.get(), errors.get() + (int) done.getCount(), seconds,
                firstError.get() == null ? "" : " first=" + firstError.get());
        return 0;
    }

    /** One GET of /img/n with Connection: close; returns whether the status was 200. */
    private static boolean get(InetSocketAddress server, int n, int readTimeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 60_000);
            socket.setSoTimeout(readTimeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /img/" + n + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            in.transferTo(OutputStream.nullOutputStream());
            return new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        }
    }
}
