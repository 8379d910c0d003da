package homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

@DisplayName("Exercise 2: the scanner three ways")
class Exercise2ThreeWaysTest {

    private static final Duration CONNECT = Duration.ofMillis(500);
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(20);
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final Duration HOLD = Duration.ofMillis(40);
    private static final List<Integer> FAKE_PORTS = IntStream.rangeClosed(3001, 3020).boxed().toList();

    static Stream<ScanVariant> variants() {
        return Stream.of(new ScopeScanner(), new FutureScanner(), new PoolScanner());
    }

    static Stream<Named<ScanVariant>> namedVariants() {
        return variants().map(v -> Named.of(v.name(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("finds exactly the loopback ports the test planted, ascending")
    void findsExactlyThePlantedPorts(ScanVariant variant) {
        try (var ports = new LoopbackPorts(3, 12)) {
            List<Integer> open = assertTimeoutPreemptively(BOUND, () ->
                    variant.scan(LoopbackPorts.HOST, ports.all(), 8, CONNECT, PortProbe.tcp(), LONG_DEADLINE));
            assertEquals(ports.open(), open, variant.name() + " must report the planted ports, ascending");
        }
    }

    @Test
    @DisplayName("the three variants agree with each other on the same ports")
    void theThreeVariantsAgree() {
        try (var ports = new LoopbackPorts(2, 10)) {
            List<List<Integer>> answers = assertTimeoutPreemptively(BOUND, () -> variants()
                    .map(v -> scanQuietly(v, ports.all()))
                    .toList());
            assertEquals(1, Set.copyOf(answers).size(), "the variants disagree: " + answers);
            assertEquals(ports.open(), answers.getFirst());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("never runs more than `limit` probes at once, and does run `limit` at once")
    void respectsTheConcurrencyLimit(ScanVariant variant) {
        int limit = 4;
        var gate = new CountDownLatch(limit);
        var active = new AtomicInteger();
        var peak = new AtomicInteger();
        PortProbe probe = (host, port, timeout) -> {
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                gate.countDown();
                // The first `limit` probes only pass together: a sequential scan times out here.
                boolean together = gate.await(5, TimeUnit.SECONDS);
                // Then each probe holds its place a moment (a hold, not a wait for anything),
                // so a probe beyond the limit, if one was allowed to start, overlaps and shows.
                Thread.sleep(HOLD);
                return together && port % 2 == 0;
            } finally {
                active.decrementAndGet();
            }
        };
        List<Integer> open = assertTimeoutPreemptively(BOUND, () ->
                variant.scan(LoopbackPorts.HOST, FAKE_PORTS, limit, CONNECT, probe, LONG_DEADLINE));
        assertEquals(FAKE_PORTS.stream().filter(p -> p % 2 == 0).toList(), open);
        assertEquals(limit, peak.get(), "peak number of probes running at once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("a probe that throws fails the scan with that cause, after cancelling every other probe")
    void aFailingProbeCancelsTheRest(ScanVariant variant) {
        var blocked = new BlockingProbes(FAKE_PORTS.size() - 1);
        var boom = new IllegalStateException("boom on port 3007");
        PortProbe probe = (host, port, timeout) -> {
            if (port == 3007) {
                blocked.allStarted.await(5, TimeUnit.SECONDS);
                throw boom;
            }
            return blocked.block();
        };
        var thrown = assertTimeoutPreemptively(BOUND, () -> assertThrows(ScanFailedException.class, () ->
                variant.scan(LoopbackPorts.HOST, FAKE_PORTS, FAKE_PORTS.size(), CONNECT, probe, LONG_DEADLINE)));
        assertCauseIs(boom, thrown);
        blocked.assertAllCancelled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("a passed deadline throws TimeoutException, after cancelling every probe")
    void theDeadlineCancelsEveryProbe(ScanVariant variant) {
        var blocked = new BlockingProbes(FAKE_PORTS.size());
        PortProbe probe = (host, port, timeout) -> blocked.block();
        assertTimeoutPreemptively(BOUND, () -> assertThrows(TimeoutException.class, () ->
                variant.scan(LoopbackPorts.HOST, FAKE_PORTS, FAKE_PORTS.size(), CONNECT, probe, Duration.ofMillis(300))));
        blocked.assertAllCancelled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("interrupting the caller throws InterruptedException, after cancelling every probe")
    void interruptingTheCallerCancelsEveryProbe(ScanVariant variant) throws InterruptedException {
        var blocked = new BlockingProbes(FAKE_PORTS.size());
        PortProbe probe = (host, port, timeout) -> blocked.block();
        var outcome = new AtomicReference<Throwable>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                variant.scan(LoopbackPorts.HOST, FAKE_PORTS, FAKE_PORTS.size(), CONNECT, probe, LONG_DEADLINE);
                outcome.set(new AssertionError("scan returned normally"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        try {
            awaitAllStartedOrCallerDone(blocked, caller);
            caller.interrupt();
            caller.join(Duration.ofSeconds(10));
            assertFalse(caller.isAlive(), "scan still running 10 s after the interrupt");
        } finally {
            caller.interrupt();
        }
        assertInstanceOf(InterruptedException.class, outcome.get(), "what the interrupted scan threw");
        blocked.assertAllCancelled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedVariants")
    @DisplayName("refuses a non-loopback host before probing anything")
    void refusesNonLoopbackHosts(ScanVariant variant) {
        var calls = new AtomicInteger();
        PortProbe probe = (host, port, timeout) -> calls.incrementAndGet() < 0;
        assertTimeoutPreemptively(BOUND, () -> assertThrows(IllegalArgumentException.class, () ->
                variant.scan("192.0.2.1", FAKE_PORTS, 4, CONNECT, probe, LONG_DEADLINE)));
        assertEquals(0, calls.get(), "probes run for a refused host");
    }

    @Test
    @DisplayName("the comparison table has one complete row per variant")
    void theComparisonTableIsComplete() {
        Table table = ApiComparison.table();
        assertEquals(3, table.rowCount(), "rows");
        assertEquals(Set.of("StructuredTaskScope", "CompletableFuture", "plain executor"),
                Set.copyOf(table.stringColumn("Variant").asList()));
        assertTrue(table.intColumn("Lines").asList().stream().allMatch(n -> n != null && n > 0), "Lines must be positive");
        for (String column : List.of("Cancellation", "Error handling")) {
            assertTrue(table.stringColumn(column).asList().stream().allMatch(s -> s != null && !s.isBlank()),
                    column + " has a blank cell");
        }
    }

    private static void awaitAllStartedOrCallerDone(BlockingProbes blocked, Thread caller) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.isAlive() && System.nanoTime() < end) {
            if (blocked.allStarted.await(50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        assertTrue(blocked.allStarted.getCount() == 0, "the probes never all started");
    }

    private static List<Integer> scanQuietly(ScanVariant variant, List<Integer> ports) {
        try {
            return variant.scan(LoopbackPorts.HOST, ports, 8, CONNECT, PortProbe.tcp(), LONG_DEADLINE);
        } catch (Exception e) {
            throw new AssertionError(variant.name() + " failed: " + e, e);
        }
    }

    private static void assertCauseIs(Throwable expected, Throwable thrown) {
        Throwable cause = thrown.getCause();
        while (cause != null && cause != expected) {
            cause = cause.getCause();
        }
        assertEquals(expected, cause, "the probe's exception must be the cause of " + thrown);
    }

    /** Probes that block until cancelled, counting starts, interrupts and those still running. */
    private static final class BlockingProbes {
        final CountDownLatch allStarted;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger interrupted = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();

        BlockingProbes(int expected) {
            allStarted = new CountDownLatch(expected);
        }

        boolean block() throws InterruptedException {
            started.incrementAndGet();
            running.incrementAndGet();
            allStarted.countDown();
            try {
                new CountDownLatch(1).await(5, TimeUnit.SECONDS);
                return false;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            } finally {
                running.decrementAndGet();
            }
        }

        void assertAllCancelled() {
            assertTrue(started.get() > 0, "no probe started");
            assertEquals(0, running.get(), "probes still running after scan() ended: orphans");
            assertEquals(started.get(), interrupted.get(), "probes that were started but never interrupted");
        }
    }
}
