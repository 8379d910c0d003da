package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.lab.ports.SilentListeners;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every scanner variant keeps; each test runs over all three. */
class PortScannerTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("planted ports are reported open, streamed to the listener, and our closed ports closed")
    void findsPlantedPortsAndNotClosedOnes(ScanVariant variant) throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(2, 3)) {
            int closed = Ports.closedPort();
            List<Integer> expected = planted.ports();
            int[] ports = IntStream.concat(expected.stream().mapToInt(i -> i), IntStream.of(closed)).toArray();
            List<Integer> streamed = new CopyOnWriteArrayList<>();
            ScanResult result = assertTimeoutPreemptively(BOUND, () -> variant.scanner()
                    .scan(ScanRequest.loopback(PortSpec.of(ports)), (host, port) -> streamed.add(port)));
            assertEquals(expected, result.open());
            assertEquals(PortState.CLOSED, result.stateOf(closed));
            assertEquals(expected, streamed.stream().sorted().toList());
            assertEquals(1, result.closed() + result.filtered().size());
        }
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("with the native probe (Linux) planted ports are open, our closed port closed, a silent one filtered")
    void nativeProbeFindsTheSame(ScanVariant variant) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NativeConnector.available(), "Linux x86-64/AArch64 only");
        try (PlantedListeners planted = PlantedListeners.open(1, 3); SilentListeners silent = SilentListeners.open(1)) {
            int closed = Ports.closedPort();
            List<Integer> ports = new ArrayList<>(planted.ports());
            ports.add(closed);
            ports.add(silent.ports()[0]);
            TestThreads threads = new TestThreads();
            PortScanner scanner = variant.scanner(new NativeConnector(NioConnector.DEFAULT), threads);
            ScanRequest request = ScanRequest.loopback(PortSpec.of(ports.stream().mapToInt(i -> i).toArray()))
                    .withConnectTimeout(Duration.ofMillis(200));
            ScanResult result = assertTimeoutPreemptively(BOUND, () -> scanner.scan(request));
            assertEquals(planted.ports(), result.open(), result.summary());
            assertEquals(PortState.CLOSED, result.stateOf(closed));
            assertEquals(PortState.FILTERED, result.stateOf(silent.ports()[0]));
            threads.assertAllEnded();
        }
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("time spent waiting for a slot never counts: with limit 1 a long scan still finds every planted port")
    void queueingNeverTimesOutAnOpenPort(ScanVariant variant) throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 3)) {
            List<Integer> expected = planted.ports();
            // 6000 other ports pass through one slot first; we assert only about ours.
            int[] ports = IntStream.concat(IntStream.rangeClosed(41_000, 46_999), expected.stream().mapToInt(i -> i))
                    .toArray();
            ScanRequest request = ScanRequest.loopback(PortSpec.of(ports)).withConcurrency(1).withConnectTimeout(Duration.ofMillis(50));
            ScanResult result = assertTimeoutPreemptively(BOUND, () -> variant.scanner().scan(request));
            assertTrue(result.open().containsAll(expected), result.summary());
        }
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("a self-connect is discarded: counted, reported closed, never open")
    void selfConnectIsDiscarded(ScanVariant variant) throws Exception {
        int port = Ports.closedPort();
        PortScanner scanner = variant.scanner(new NioConnector(true, c -> { }), new TestThreads());
        ScanResult result = assertTimeoutPreemptively(BOUND, () -> scanner.scan(ScanRequest.loopback(PortSpec.of(port))));
        assertEquals(1, result.selfConnects(), result.summary());
        assertEquals(PortState.CLOSED, result.stateOf(port));
        assertTrue(result.open().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("a port that never answers is filtered, a refused one closed, with the same short timeout")
    void filteredIsNotClosed(ScanVariant variant) throws Exception {
        try (SilentListeners full = SilentListeners.open(1)) {
            int silent = full.ports()[0];
            int closed = Ports.closedPort();
            ScanRequest request = ScanRequest.loopback(PortSpec.of(silent, closed)).withConnectTimeout(Duration.ofMillis(200));
            ScanResult result = assertTimeoutPreemptively(BOUND, () -> variant.scanner().scan(request));
            assertEquals(PortState.FILTERED, result.stateOf(silent), result.summary());
            assertEquals(PortState.CLOSED, result.stateOf(closed), result.summary());
        }
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("interrupting a scan ends it with InterruptedException, every worker thread ended, every socket closed")
    void cancellationLeavesNoThreadsOrSockets(ScanVariant variant) throws Exception {
        try (SilentListeners full = SilentListeners.open(3)) {
            List<SocketChannel> channels = new CopyOnWriteArrayList<>();
            CountDownLatch connecting = new CountDownLatch(3);
            TestThreads threads = new TestThreads();
            PortScanner scanner = variant.scanner(new NioConnector(false, c -> {
                channels.add(c);
                connecting.countDown();
            }), threads);
            ScanRequest request = ScanRequest.loopback(PortSpec.of(full.ports())).withConcurrency(3)
                    .withConnectTimeout(Duration.ofSeconds(30));
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().name("scan-caller").start(() -> outcome.complete(scanCatching(scanner, request)));
            assertTrue(connecting.await(20, TimeUnit.SECONDS), "the three connects never started");
            caller.interrupt();
            assertInstanceOf(InterruptedException.class, outcome.get(20, TimeUnit.SECONDS));
            assertEnded(threads, channels, 3);
        }
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("a failing probe aborts the scan with its cause, cancels the others, and leaves no thread or socket")
    void failureLeavesNoThreadsOrSockets(ScanVariant variant) throws Exception {
        try (SilentListeners full = SilentListeners.open(3)) {
            List<SocketChannel> channels = new CopyOnWriteArrayList<>();
            CountDownLatch connecting = new CountDownLatch(3);
            NioConnector real = new NioConnector(false, c -> {
                channels.add(c);
                connecting.countDown();
            });
            int failing = Ports.closedPort();
            Connector connector = (target, nanos) -> {
                if (target.getPort() != failing) {
                    return real.probe(target, nanos);
                }
                try {
                    if (!connecting.await(20, TimeUnit.SECONDS)) {
                        throw new SocketTimeoutException("the other connects never started");
                    }
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("interrupted while waiting for the others");
                }
                throw new IOException("simulated: too many open files");
            };
            TestThreads threads = new TestThreads();
            List<Integer> ports = new ArrayList<>(full.ports().length + 1);
            IntStream.of(full.ports()).forEach(ports::add);
            ports.add(failing);
            ScanRequest request = ScanRequest.loopback(PortSpec.of(ports.stream().mapToInt(i -> i).toArray()))
                    .withConcurrency(4).withConnectTimeout(Duration.ofSeconds(30));
            Throwable failure = assertTimeoutPreemptively(BOUND,
                    () -> scanCatching(variant.scanner(connector, threads), request));
            ScanAbortedException aborted = assertInstanceOf(ScanAbortedException.class, failure);
            assertEquals("simulated: too many open files", aborted.getCause().getMessage());
            assertEnded(threads, channels, 3);
        }
    }

    private static Throwable scanCatching(PortScanner scanner, ScanRequest request) {
        try {
            scanner.scan(request);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void assertEnded(TestThreads threads, List<SocketChannel> channels, int expectedChannels)
            throws InterruptedException {
        assertFalse(threads.made.isEmpty(), "the scanner made no threads through the factory");
        threads.assertAllEnded();
        assertTrue(channels.size() >= expectedChannels, "only " + channels.size() + " channels were opened");
        for (SocketChannel c : channels) {
            assertFalse(c.isOpen(), c + " was left open");
        }
    }
}
