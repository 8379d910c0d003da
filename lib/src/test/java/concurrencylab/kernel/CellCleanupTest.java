package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link CellExecutor} as JJava does (submit a snippet, get(), cancel(true) on interrupt)
 * with real threads and pools; the kernel test (kernel-setup/tests/test_interrupt.py) does the
 * same through Jupyter.
 */
class CellCleanupTest {
    private final AtomicInteger running = new AtomicInteger();
    private final CellSession session = new CellSession(running::get, Duration.ofSeconds(2));
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final ExecutorService kernelPool = Executors.newCachedThreadPool(
            r -> new Thread(r, "jjava-exec-test-" + System.nanoTime()));
    private final CellExecutor executor = new CellExecutor(kernelPool, session);
    private final List<Runnable> cleanups = new ArrayList<>();

    CellCleanupTest() {
        session.reportTo(reports::add);
        CellSession.install(session);
    }

    @AfterEach
    void tearDown() {
        cleanups.forEach(Runnable::run);
        CellSession.install(null);
        kernelPool.shutdownNow();
    }

    /** Runs a "cell" to its end and returns what it returned. */
    private <T> T cell(int number, java.util.concurrent.Callable<T> code) throws Exception {
        running.set(number);
        return executor.submit(code).get(10, TimeUnit.SECONDS);
    }

    /** Starts a "cell", interrupts it after 300 ms as JJava does, returns after it ended. */
    private void interruptedCell(int number, java.util.concurrent.Callable<Object> code) throws Exception {
        running.set(number);
        Future<Object> f = executor.submit(code);
        Thread.sleep(300);
        assertTrue(f.cancel(true));
        long start = System.nanoTime();
        assertThrows(CancellationException.class, f::get);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "get() waits for the clean-up, boundedly");
    }

    @Test
    void interruptStopsTheCellsPoolAndThreadsAndLeavesAnEarlierCellsAlone() throws Exception {
        AtomicInteger earlierInterrupts = new AtomicInteger();
        AtomicBoolean stopEarlier = new AtomicBoolean();
        Runnable loop = () -> {
            while (!stopEarlier.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    earlierInterrupts.incrementAndGet();
                }
            }
        };
        Thread earlier = cell(1, () -> Thread.ofPlatform().name("earlier").start(loop));
        ExecutorService earlierPool = cell(2, () -> {
            ExecutorService p = Executors.newFixedThreadPool(1);
            p.submit(loop);
            return p;
        });
        cleanups.add(() -> {
            stopEarlier.set(true);
            earlierPool.shutdownNow();
        });
        List<Thread> poolThreads = new CopyOnWriteArrayList<>();
        interruptedCell(3, () -> {
            ExecutorService leaky = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r);
                poolThreads.add(t);
                return t;
            });
            List<Future<?>> sleeping = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sleeping.add(leaky.submit(() -> {
                    Thread.sleep(30_000);
                    return null;
                }));
            }
            new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    // ends
                }
            }, "raw").start();
            for (Future<?> f : sleeping) {
                f.get();
            }
            return null;
        });
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).startsWith("interrupted: stopped 5 threads, 1 executor started by this cell"),
                reports.get(0));
        assertEquals(4, poolThreads.size());
        poolThreads.forEach(t -> assertFalse(t.isAlive(), t + " still alive"));
        assertTrue(earlier.isAlive());
        assertFalse(earlierPool.isShutdown());
        assertEquals(0, earlierInterrupts.get(), "what cell 1 and 2 started was interrupted");
        assertEquals(1, CellSession.startedBy(earlier));
    }

    @Test
    void aThreadThatIgnoresInterruptsIsNamedWithWhereItIsAndLeftRunning() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        cleanups.add(() -> stop.set(true));
        interruptedCell(4, () -> {
            Thread.ofPlatform().name("spinner").start(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            Thread.sleep(30_000);
            return null;
        });
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("still running, it ignores interrupts: spinner at CellCleanupTest.lambda$"),
                reports.get(0));
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("spinner")));
    }

    @Test
    void adoptedResourcesAreStoppedOnlyForTheRunningCell() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        cell(5, () -> {
            CellSession.adopt("worker JVM", 2, "pool of cell 5", stops::incrementAndGet);
            return null;
        });
        CellSession.adopt("lab server", 1, "not from a cell", stops::incrementAndGet); // no cell: ignored
        interruptedCell(6, () -> {
            CellSession.adopt("worker JVM", 2, "pool", stops::incrementAndGet);
            CellSession.adopt("lab server", 1, "server", stops::incrementAndGet);
            Thread.sleep(30_000);
            return null;
        });
        assertEquals(2, stops.get(), "only cell 6's two resources are stopped");
        assertTrue(reports.get(0).startsWith("interrupted: stopped 2 worker JVMs, 1 lab server started by this cell"),
                reports.get(0));
    }

    @Test
    void anInterruptBetweenTwoSnippetsStopsTheNextOneBeforeItStarts() throws Exception {
        running.set(7);
        executor.submit(() -> null).get(5, TimeUnit.SECONDS); // the cell's first snippet ran
        session.interruptRequested();                          // JJava had nothing to cancel
        AtomicBoolean ran = new AtomicBoolean();
        Future<Object> next = executor.submit(() -> {
            ran.set(true);
            return null;
        });
        assertThrows(CancellationException.class, () -> next.get(5, TimeUnit.SECONDS));
        assertFalse(ran.get());
        assertEquals(1, reports.size(), reports.toString());
    }
}
