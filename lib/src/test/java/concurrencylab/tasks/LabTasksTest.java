package concurrencylab.tasks;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabTasksTest {

    @Test
    @DisplayName("countPrimes counts the primes in [from, to)")
    void countPrimesCounts() throws Exception {
        assertEquals(25L, LabTasks.countPrimes(0, 100).call());
        assertEquals(0L, LabTasks.countPrimes(0, 2).call());
        assertEquals(1L, LabTasks.countPrimes(2, 3).call());
        assertEquals(0L, LabTasks.countPrimes(50, 50).call());
        assertEquals(168L - 25L, LabTasks.countPrimes(100, 1000).call());
    }

    @Test
    @DisplayName("countPrimes rejects a negative start or an inverted range, saying what is accepted")
    void countPrimesValidates() {
        var negative = assertThrows(IllegalArgumentException.class, () -> LabTasks.countPrimes(-1, 10));
        assertEquals("fromInclusive must be at least 0, got -1", negative.getMessage());
        var inverted = assertThrows(IllegalArgumentException.class, () -> LabTasks.countPrimes(10, 9));
        assertEquals("toExclusive must be at least 10, got 9", inverted.getMessage());
    }

    @Test
    @DisplayName("sha256Hex matches the standard test vector and re-hashes the digest for each extra round")
    void sha256HexHashes() throws Exception {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, LabTasks.sha256Hex("abc", 1).call());
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        String twice = java.util.HexFormat.of().formatHex(sha.digest(java.util.HexFormat.of().parseHex(abc)));
        assertEquals(twice, LabTasks.sha256Hex("abc", 2).call());
    }

    @Test
    @DisplayName("sha256Report hashes raw bytes like MessageDigest, re-hashes per round, and says who ran it")
    void sha256ReportHashesBytes() throws Exception {
        byte[] body = {(byte) 0xff, 0, 'a', 'b', 'c', (byte) 0x80}; // not valid UTF-8: hashed as bytes
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] d = sha.digest(body);
        for (int i = 1; i < 3; i++) {
            d = sha.digest(d);
        }
        HashReport r = LabTasks.sha256Report(body, 3).call();
        assertEquals(java.util.HexFormat.of().formatHex(d), r.hex());
        assertEquals(body.length, r.bytes());
        assertEquals(ProcessHandle.current().pid(), r.ranBy().pid());
        assertEquals(Thread.currentThread().getName(), r.ranBy().thread());
        assertFalse(r.took().isNegative());
    }

    @Test
    @DisplayName("sha256Report copies the bytes, so changing the array later does not change the digest")
    void sha256ReportCopiesBody() throws Exception {
        byte[] body = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var task = LabTasks.sha256Report(body, 1);
        body[0] = 'x';
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", task.call().hex());
    }

    @Test
    @DisplayName("sha256Report rejects null bytes (NullPointerException) and rounds below 1")
    void sha256ReportValidates() {
        assertEquals("body must not be null",
                assertThrows(NullPointerException.class, () -> LabTasks.sha256Report(null, 1)).getMessage());
        var e = assertThrows(IllegalArgumentException.class, () -> LabTasks.sha256Report(new byte[0], 0));
        assertEquals("rounds must be at least 1, got 0", e.getMessage());
    }

    @Test
    @DisplayName("sha256Hex rejects null text (NullPointerException) and rounds below 1")
    void sha256HexValidates() {
        assertEquals("text must not be null",
                assertThrows(NullPointerException.class, () -> LabTasks.sha256Hex(null, 1)).getMessage());
        var e = assertThrows(IllegalArgumentException.class, () -> LabTasks.sha256Hex("x", 0));
        assertEquals("rounds must be at least 1, got 0", e.getMessage());
    }

    @Test
    @DisplayName("sleep returns the milliseconds slept, at least those asked for, and rejects negative millis")
    void sleepSleeps() throws Exception {
        assertTrue(LabTasks.sleep(20).call() >= 19);
        assertThrows(IllegalArgumentException.class, () -> LabTasks.sleep(-1));
    }

    @Test
    @DisplayName("sleep and countPrimes stop with InterruptedException when their thread is interrupted")
    void longTasksAreInterruptible() throws Exception {
        for (Callable<?> task : List.of(LabTasks.sleep(60_000), LabTasks.countPrimes(0, Long.MAX_VALUE / 2))) {
            var thrown = new AtomicReference<Throwable>();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    task.call();
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.interrupt();
            assertTrue(t.join(java.time.Duration.ofSeconds(30)), task + " did not stop");
            assertInstanceOf(InterruptedException.class, thrown.get());
        }
    }

    @Test
    @DisplayName("fetchLength returns the body length from a loopback server and fails with URL and status on non-2xx")
    void fetchLengthFetchesFromLoopback() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = new byte[1234];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals(1234, LabTasks.fetchLength(base + "/ok", 10_000).call());
            var e = assertThrows(IOException.class, () -> LabTasks.fetchLength(base + "/busy", 10_000).call());
            assertTrue(e.getMessage().contains(base + "/busy") && e.getMessage().contains("503"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("fetchLength accepts only http(s) on loopback, decided without DNS, and a positive timeout")
    void fetchLengthValidates() {
        for (String ok : List.of("http://localhost:8080/a", "http://127.0.0.1/", "http://127.1.2.3:9/x", "http://[::1]:80/")) {
            assertNotNull(LabTasks.fetchLength(ok, 1000), ok);
        }
        for (String remote : List.of("http://example.com/", "http://10.0.0.1/", "http://[2001:db8::1]/")) {
            var e = assertThrows(IllegalArgumentException.class, () -> LabTasks.fetchLength(remote, 1000));
            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        }
        var ftp = assertThrows(IllegalArgumentException.class, () -> LabTasks.fetchLength("ftp://127.0.0.1/", 1000));
        assertEquals("url must be an http:// or https:// URL, got 'ftp://127.0.0.1/'", ftp.getMessage());
        var malformed = assertThrows(IllegalArgumentException.class, () -> LabTasks.fetchLength("not a url", 1000));
        assertEquals("url must be a valid http:// or https:// URL, got 'not a url'", malformed.getMessage());
        assertEquals("url must not be null",
                assertThrows(NullPointerException.class, () -> LabTasks.fetchLength(null, 1000)).getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> LabTasks.fetchLength("http://localhost/", 0));
        assertEquals("timeoutMillis must be at least 1, got 0", zero.getMessage());
    }

    @Test
    @DisplayName("reportExecutionSite reports this pid and a platform thread, or a virtual thread with its carrier")
    void reportExecutionSiteReportsThread() throws Exception {
        ExecutionSite here = LabTasks.reportExecutionSite().call();
        assertEquals(ProcessHandle.current().pid(), here.pid());
        assertEquals(Thread.currentThread().getName(), here.thread());
        assertFalse(here.virtual());
        assertEquals("", here.carrier());
        try (var virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutionSite v = virtual.submit(LabTasks.reportExecutionSite()).get(30, TimeUnit.SECONDS);
            assertTrue(v.virtual());
            assertFalse(v.carrier().isEmpty(), v.toString());
            assertTrue(v.toString().contains("virtual"), v.toString());
        }
    }

    @Test
    @DisplayName("haltWorker refuses to halt a JVM that is not a pool worker, and validates the status")
    void haltWorkerRefusesOutsideWorkers() {
        var e = assertThrows(IllegalStateException.class, () -> LabTasks.haltWorker(1).call());
        assertTrue(e.getMessage().contains("ProcessPool worker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabTasks.haltWorker(256));
    }

    @Test
    @DisplayName("every task survives a serialization round trip equal to itself and still runs")
    void tasksSerialize() throws Exception {
        List<PortableCallable<?>> tasks = List.of(LabTasks.countPrimes(0, 10), LabTasks.sha256Hex("a", 2),
                LabTasks.sleep(0), LabTasks.reportExecutionSite(), LabTasks.noop(), LabTasks.haltWorker(0), LabTasks.readStaticNote(),
                LabTasks.fetchLength("http://localhost:1/", 100),
                LabTasks.scanSlice("127.0.0.1", List.of(3001, 3002), 2, java.time.Duration.ofMillis(100)));
        for (PortableCallable<?> task : tasks) {
            Object copy = roundTrip(task);
            assertEquals(task, copy);
        }
        assertEquals(4L, ((PortableCallable<?>) roundTrip(LabTasks.countPrimes(0, 10))).call());
    }

    @Test
    @DisplayName("scanSlice finds the listening loopback ports among closed ones and reports this process's pid")
    void scanSliceFindsListeners() throws Exception {
        var loopback = java.net.InetAddress.getLoopbackAddress();
        try (var a = new java.net.ServerSocket(0, 50, loopback); var b = new java.net.ServerSocket(0, 50, loopback)) {
            List<Integer> closed = new java.util.ArrayList<>();
            while (closed.size() < 6) {
                try (var free = new java.net.ServerSocket(0, 1, loopback)) {
                    if (free.getLocalPort() != 2024) {
                        closed.add(free.getLocalPort());
                    }
                }
            }
            List<Integer> ports = new java.util.ArrayList<>(closed);
            ports.add(b.getLocalPort());
            ports.add(0, a.getLocalPort());
            SliceReport report = LabTasks.scanSlice("127.0.0.1", ports, 4, java.time.Duration.ofMillis(500)).call();
            assertEquals(ProcessHandle.current().pid(), report.pid());
            assertEquals(java.util.stream.Stream.of(a.getLocalPort(), b.getLocalPort()).sorted().toList(), report.open());
        }
    }

    @Test
    @DisplayName("scanSlice refuses a non-loopback host, no ports, a bad port or limit when the task is made")
    void scanSliceValidates() {
        var t = java.time.Duration.ofMillis(100);
        assertThrows(IllegalArgumentException.class, () -> LabTasks.scanSlice("192.0.2.1", List.of(80), 2, t));
        assertThrows(IllegalArgumentException.class, () -> LabTasks.scanSlice("127.0.0.1", List.of(), 2, t));
        assertThrows(IllegalArgumentException.class, () -> LabTasks.scanSlice("127.0.0.1", List.of(0), 2, t));
        assertThrows(IllegalArgumentException.class, () -> LabTasks.scanSlice("127.0.0.1", List.of(80), 0, t));
        assertThrows(IllegalArgumentException.class, () -> LabTasks.scanSlice("127.0.0.1", null, 2, t));
    }

    private static Object roundTrip(Object o) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
