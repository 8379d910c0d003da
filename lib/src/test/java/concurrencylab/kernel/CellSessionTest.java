package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CellSessionTest {
    @Test
    void snippetIdsAreReadFromJShellClassNames() {
        assertEquals(32, CellSession.snippetId("REPL.$JShell$32$Foo"));
        assertEquals(43, CellSession.snippetId("REPL.$JShell$43"));
        assertEquals(-1, CellSession.snippetId("java.lang.Thread"));
        assertEquals(-1, CellSession.snippetId("REPL.$JShell$"));
    }

    @Test
    void theOutermostNotebookFrameTellsWhoseCodeAThreadRuns() {
        AtomicInteger running = new AtomicInteger(2);
        CellSession session = new CellSession(running::get, Duration.ofSeconds(1));
        session.snippetCreated(10);
        running.set(5);
        session.snippetCreated(20);
        // a pool thread of cell 2's pool, running a task cell 5 submitted that calls cell 2's method
        List<String> stack = List.of("java.lang.Thread", "REPL.$JShell$10$Helper", "REPL.$JShell$20",
                "java.util.concurrent.ThreadPoolExecutor");
        assertEquals(5, session.codeCell(stack));
        assertEquals(0, session.codeCell(List.of("java.lang.Thread")));
    }

    @Test
    void outsideTheKernelEverythingIsANoOp() {
        CellSession.install(null);
        CellSession.adopt("worker JVM", 1, "x", () -> {
            throw new AssertionError("must not run");
        });
        assertEquals(Map.of(), CellSession.threadOrigins());
        assertEquals(0, CellSession.startedBy(Thread.currentThread()));
        assertTrue(!CellSession.active());
    }

    @Test
    void theReportLineSaysWhatWasStoppedAndWhatStillRuns() {
        var report = new CleanupReport(3, 4, 0, 1, Map.of("worker JVM", 2), 0, List.of(), List.of(),
                Duration.ofMillis(250));
        assertEquals("interrupted: stopped 4 threads, 1 executor, 2 worker JVMs started by this cell (0.3 s)",
                report.line());
        var stuck = new CleanupReport(3, 0, 0, 0, Map.of(), 0, List.of("ForkJoinPool.commonPool-worker-1"),
                List.of("spin at Foo.run(Foo.java:3)"), Duration.ofSeconds(2));
        assertEquals("interrupted: stopped nothing; interrupted 1 task of this cell on shared threads "
                + "(ForkJoinPool.commonPool-worker-1) (2.0 s); still running, it ignores interrupts: "
                + "spin at Foo.run(Foo.java:3)", stuck.line());
    }
}
