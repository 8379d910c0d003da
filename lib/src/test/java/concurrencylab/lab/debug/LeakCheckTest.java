package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeakCheckTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Duration SHORT_GRACE = Duration.ofMillis(300);

    /** Executor kinds whose unclosed threads must be found (platform, virtual, fork/join). */
    static Stream<Arguments> executorKinds() {
        AtomicInteger n = new AtomicInteger();
        return Stream.of(
                Arguments.of("fixed", (Supplier<ExecutorService>) () -> Executors.newFixedThreadPool(2,
                        r -> new Thread(r, "leaky-fixed-" + n.incrementAndGet()))),
                Arguments.of("cached", (Supplier<ExecutorService>) () -> Executors.newCachedThreadPool(
                        r -> new Thread(r, "leaky-cached-" + n.incrementAndGet()))),
                Arguments.of("virtual", (Supplier<ExecutorService>) () -> Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("leaky-virtual-", 1).factory())),
                Arguments.of("forkjoin", (Supplier<ExecutorService>) () -> new ForkJoinPool(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executorKinds")
    @DisplayName("an executor left running with a blocked task is reported by its thread names, and nothing after it is closed")
    void findsThreadsOfAnUnclosedExecutor(String kind, Supplier<ExecutorService> factory) {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            ExecutorService pool = factory.get();
            pool.submit(() -> {
                running.countDown();
                return release.await(10, TimeUnit.SECONDS);
            });
            assertTrue(running.await(5, TimeUnit.SECONDS));

            LeakReport leaky = baseline.leaksSince(SHORT_GRACE);

            release.countDown();
            pool.close();
            assertFalse(leaky.isClean(), leaky::toString);
            List<String> names = leaky.threadNames();
            assertTrue(names.stream().anyMatch(s -> kind.equals("forkjoin")
                    ? s.startsWith("ForkJoinPool-") : s.startsWith("leaky-" + kind)), names::toString);
            assertTrue(baseline.leaksSince().isClean(), () -> baseline.leaksSince().toString());
        });
    }

    @Test
    @DisplayName("the default executor's thread name (pool-N-thread-M) appears in toString and in the table")
    void reportNamesDefaultPoolThreads() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            ExecutorService pool = Executors.newFixedThreadPool(1);
            pool.submit(() -> 1).get(5, TimeUnit.SECONDS);
            LeakReport report = baseline.leaksSince(SHORT_GRACE);
            pool.close();
            assertTrue(report.toString().matches("(?s).*pool-\\d+-thread-1.*"), report::toString);
            assertTrue(report.toTable().stringColumn("name").asList().stream()
                    .anyMatch(s -> s.matches("pool-\\d+-thread-1")));
            assertFalse(report.threads().getFirst().daemon(), "a pool thread is not a daemon");
        });
    }

    @Test
    @DisplayName("a block that closes its executor and joins its threads leaves a clean report")
    void cleanBlockReportsNothing() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakReport report = LeakCheck.around(() -> {
                try (ExecutorService pool = Executors.newFixedThreadPool(3);
                     ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < 10; i++) {
                        pool.submit(() -> { Thread.sleep(5); return null; });
                        vts.submit(() -> { Thread.sleep(5); return null; });
                    }
                }
                Thread t = Thread.ofPlatform().start(() -> { });
                t.join(5000);
            });
            assertTrue(report.isClean(), report::toString);
            assertEquals("No leaks", report.toTable().name());
        });
    }

    @Test
    @DisplayName("a thread that ends within the grace period is not a leak")
    void threadEndingDuringGraceIsNotALeak() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            CountDownLatch started = new CountDownLatch(1);
            Thread.ofPlatform().name("short-lived").start(() -> {
                started.countDown();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    // ends either way
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(baseline.leaksSince().isClean());
        });
    }

    @Test
    @DisplayName("a blocked virtual thread started with Thread.ofVirtual is reported as virtual")
    void findsVirtualThread() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            CountDownLatch release = new CountDownLatch(1);
            Thread vt = Thread.ofVirtual().name("leaky-vt").start(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // ends either way
                }
            });
            LeakReport report = baseline.leaksSince(SHORT_GRACE);
            release.countDown();
            vt.join(Duration.ofSeconds(5));
            assertTrue(report.threads().stream().anyMatch(t -> t.name().equals("leaky-vt") && t.virtual()),
                    report::toString);
        });
    }

    @Test
    @DisplayName("a child process and a listening socket left open are reported")
    void findsProcessAndPort() {
        assumeTrue(JvmListeningPorts.supported(), "needs Linux /proc");
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck baseline = LeakCheck.snapshot();
            Process sleeper = new ProcessBuilder("sleep", "20").start();
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                LeakReport report = baseline.leaksSince(SHORT_GRACE);
                assertTrue(report.processes().stream().anyMatch(p -> p.pid() == sleeper.pid()), report::toString);
                assertTrue(report.ports().contains(server.getLocalPort()), report::toString);
            } finally {
                sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            assertTrue(baseline.leaksSince().isClean());
        });
    }

    @Test
    @DisplayName("a negative or over-long grace period is rejected")
    void rejectsBadGrace() {
        LeakCheck baseline = LeakCheck.snapshot();
        assertThrows(IllegalArgumentException.class, () -> baseline.leaksSince(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> baseline.leaksSince(Duration.ofMinutes(2)));
    }

    @Test
    @DisplayName("throwIfLeaky throws naming the leak, returns the report when clean; counts() counts each kind")
    void throwIfLeaky() {
        var leaky = new LeakReport(List.of(new LeakReport.LeakedThread(7, "pool-3-thread-1", false, false,
                "WAITING", "here")), List.of(), List.of(8080), Duration.ZERO);
        var e = assertThrows(IllegalStateException.class, leaky::throwIfLeaky);
        assertTrue(e.getMessage().contains("pool-3-thread-1") && e.getMessage().contains("8080"));
        var clean = new LeakReport(List.of(), List.of(), List.of(), Duration.ZERO);
        assertEquals(clean, clean.throwIfLeaky());
        assertEquals("1 thread, 0 processes, 1 port left", leaky.counts());
    }

    @Test
    @DisplayName("an HttpClient left open is reported by its selector thread; shut down, it is not")
    void unclosedHttpClientIsALeak() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LeakCheck before = LeakCheck.snapshot();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            LeakReport open = before.leaksSince(SHORT_GRACE);
            assertTrue(open.threads().stream().anyMatch(t -> t.name().contains("SelectorManager")), open::toString);
            client.shutdownNow();
            assertTrue(client.awaitTermination(Duration.ofSeconds(5)));
            assertTrue(before.leaksSince(Duration.ofSeconds(2)).isClean());
        });
    }
}
