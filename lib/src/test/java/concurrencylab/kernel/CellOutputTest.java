package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CellOutputTest {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean attached = new AtomicBoolean(true);
    private final CellSession session = new CellSession(running::get, Duration.ofSeconds(1));
    private final ByteArrayOutputStream cell = new ByteArrayOutputStream();
    private final PrintStream out = CellOutput.printStream(cell, attached::get, session);

    /** Runs {@code body} on a new platform thread named {@code name}, tagged as started by {@code startedBy}. */
    private static void onThread(String name, int startedBy, Runnable body) throws InterruptedException {
        Thread t = Thread.ofPlatform().name(name).unstarted(body);
        t.setContextClassLoader(new CellLoader(startedBy, CellOutputTest.class.getClassLoader()));
        t.start();
        t.join(5_000);
    }

    private String text() {
        return cell.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineFromAnotherCellsThreadIsMarkedWithThatCellAndTheThread() throws Exception {
        running.set(5);
        onThread("pool-1-thread-2", 3, () -> out.println("tick 7"));
        assertEquals("[cell 3 · pool-1-thread-2] tick 7\n", text());
    }

    @Test
    void theRunningCellsOwnThreadsAndThreadsOfNoCellPrintUnmarked() throws Exception {
        running.set(5);
        onThread("worker", 5, () -> out.println("mine"));
        onThread("helper", 0, () -> out.println("nobody's"));
        assertEquals("mine\nnobody's\n", text());
    }

    @Test
    void linesPrintedBetweenCellsOpenTheNextCellMarked() throws Exception {
        attached.set(false);
        running.set(0);
        onThread("ticker", 2, () -> out.println("tick 0"));
        assertEquals("", text(), "nothing reaches a closed cell");
        attached.set(true);
        running.set(3);
        onThread("ticker", 2, () -> out.println("tick 1"));
        assertEquals("[cell 2 · ticker · between cells] tick 0\n[cell 2 · ticker] tick 1\n", text());
    }

    @Test
    void heldLinesAreBoundedAndTheDroppedOnesCounted() throws Exception {
        attached.set(false);
        onThread("chatty", 2, () -> {
            for (int i = 0; i < CellOutput.HELD_LINES + 5; i++) {
                out.println("line " + i);
            }
        });
        attached.set(true);
        running.set(3);
        CellOutput router = new CellOutput(cell, attached::get, session);
        router.releaseHeld(); // a fresh router holds nothing
        out.flush();
        onThread("chatty", 3, () -> out.println("now"));
        String text = text();
        assertTrue(text.startsWith("[5 earlier lines printed between cells were dropped]\n"
                + "[cell 2 · chatty · between cells] line 5\n"), text);
        assertTrue(text.endsWith("line " + (CellOutput.HELD_LINES + 4) + "\nnow\n"), text);
    }

    @Test
    void partialLinesOfTwoThreadsDoNotInterleaveAndAreMarkedOnce() throws Exception {
        running.set(9);
        Thread a = Thread.ofPlatform().name("a").unstarted(() -> {
            out.print("abc");
            out.flush();
        });
        a.setContextClassLoader(new CellLoader(4, getClass().getClassLoader()));
        a.start();
        a.join(5_000);
        onThread("b", 4, () -> out.println("xyz"));
        assertEquals("[cell 4 · a] abc[cell 4 · b] xyz\n", text(), "a flushed partial line is shown at once");
    }
}
