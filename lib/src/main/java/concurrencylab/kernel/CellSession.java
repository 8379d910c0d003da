package concurrencylab.kernel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The notebook kernel's record of cells: which cell is running, which cell started each thread,
 * which cell's code a thread is running, and what to clean up when a cell is interrupted.
 *
 * <p>The kernel's startup installs one session ({@link JJavaHook#install()}); library
 * code reaches it through the static methods, which do nothing outside the kernel (unit tests,
 * {@code ./course bench}). A cell is one execute request, numbered with Jupyter's execution
 * count, the {@code n} of {@code In [n]}; 0 means "no cell" (the kernel's startup, or a thread
 * that no cell started).
 *
 * {@snippet :
 * // in a library factory: let an interrupt of the running cell stop this resource at once
 * CellSession.adopt("worker JVM", workers, this, this::shutdownNow);
 * // in a report: which cell started each live thread
 * Map<Long, Integer> origins = CellSession.threadOrigins();
 * }
 *
 * <p>Thread-safe: the shell thread starts cells, evaluation threads run them, the control
 * thread interrupts them, and any thread may adopt, print or ask.
 */
public final class CellSession {
    /** How long an interrupt waits for what the cell started to end before it reports. */
    public static final Duration CLEANUP_BUDGET = Duration.ofMillis(2000);

    private static volatile CellSession installed;

    private final IntSupplier runningCell;
    private final Map<Integer, Integer> snippetCells = new ConcurrentHashMap<>();
    private final Duration cleanupBudget;
    private volatile CellRun current;
    private volatile int newestSnippet;
    private volatile Consumer<String> reportSink = System.out::println;
    private volatile Runnable beforeSnippet = () -> { };

    /**
     * A session whose running cell is {@code runningCell} (0 while no cell runs).
     *
     * @param runningCell the number of the cell whose execute request is in progress, else 0
     * @param cleanupBudget how long an interrupt waits for the cell's threads to end
     */
    CellSession(IntSupplier runningCell, Duration cleanupBudget) {
        this.runningCell = Objects.requireNonNull(runningCell, "runningCell");
        this.cleanupBudget = Objects.requireNonNull(cleanupBudget, "cleanupBudget");
    }

    /** Makes {@code session} the one the static methods use (the kernel has exactly one). */
    static void install(CellSession session) {
        installed = session;
    }

    /** Returns the installed session, or null outside the kernel. */
    static CellSession installed() {
        return installed;
    }

    /** Returns whether cell tracking is installed in this JVM (true inside the course kernel). */
    public static boolean active() {
        return installed != null;
    }

    /**
     * Hands a resource to the running cell: if that cell is interrupted, {@code stop} runs at
     * once (on its own thread, so a slow stop does not hold up the rest) and the report counts
     * {@code units} of {@code kind}. Only a cell's own code adopts anything: a call from a thread
     * no running cell started, or outside the kernel, does nothing. The session forgets the
     * resource when the next cell starts; it never keeps it alive longer.
     *
     * @param kind     singular noun for the report, e.g. {@code "worker JVM"}
     * @param units    how many of {@code kind}, at least 1
     * @param resource the resource, for messages (its {@code toString()} is taken now)
     * @param stop     stops it without waiting for queued work
     */
    public static void adopt(String kind, int units, Object resource, Runnable stop) {
        CellSession session = installed;
        if (session == null) {
            return;
        }
        CellRun run = session.current;
        int cell = CellLoader.cellOf(Thread.currentThread());
        if (run == null || cell == 0 || cell != run.number() || cell != session.runningCell.getAsInt()) {
            return;
        }
        run.adopt(new Adopted(Objects.requireNonNull(kind, "kind"), Math.max(1, units),
                String.valueOf(resource), Objects.requireNonNull(stop, "stop")));
    }

    /** Returns the cell that started {@code thread}, or 0 when none did (or outside the kernel). */
    public static int startedBy(Thread thread) {
        return CellLoader.cellOf(thread);
    }

    /**
     * Returns, for every live thread that a cell started, its thread id and that cell's number;
     * empty outside the kernel. Virtual threads are included where the JVM lets the library
     * list them (the kernel's JVM does).
     */
    public static Map<Long, Integer> threadOrigins() {
        Map<Long, Integer> out = new HashMap<>();
        if (installed == null) {
            return out;
        }
        for (Thread t : LiveThreads.all()) {
            int cell = CellLoader.cellOf(t);
            if (cell > 0) {
                out.put(t.threadId(), cell);
            }
        }
        return out;
    }

    /** Returns the number of the cell whose execute request is in progress, 0 when none. */
    int runningCell() {
        return runningCell.getAsInt();
    }

    /** Where the one-line interrupt report goes (the interrupted cell's output in the kernel). */
    void reportTo(Consumer<String> sink) {
        this.reportSink = Objects.requireNonNull(sink, "sink");
    }

    Consumer<String> reportSink() {
        return reportSink;
    }

    /** What the evaluation thread runs before each snippet (shows output held between cells). */
    void beforeEachSnippet(Runnable hook) {
        this.beforeSnippet = Objects.requireNonNull(hook, "hook");
    }

    Runnable beforeSnippet() {
        return beforeSnippet;
    }

    Duration cleanupBudget() {
        return cleanupBudget;
    }

    /** Returns the run of the cell whose snippets are being evaluated now, or null. */
    CellRun current() {
        return current;
    }

    /**
     * Called on the submitting thread before each snippet is evaluated: returns the running
     * cell's run, starting a new one (with a snapshot of the thread containers and listening
     * sockets that exist before it) when this is the cell's first snippet.
     */
    CellRun snippetSubmitted() {
        int number = runningCell.getAsInt();
        CellRun run = current;
        if (run == null || run.number() != number) {
            Set<Object> containers = LiveThreads.containers();
            Set<Long> listening = ListeningSockets.inodes();
            run = new CellRun(number, containers, listening);
            current = run;
        }
        return run;
    }

    /**
     * Called whenever the kernel is asked to interrupt, before it cancels the running snippet:
     * if the running cell is between two snippets (JShell compiles each one before it runs, and
     * JJava then has nothing to cancel), the interrupt waits for the cell's next snippet, which
     * is then cancelled before it starts.
     */
    void interruptRequested() {
        CellRun run = current;
        int number = runningCell.getAsInt();
        if (run != null && number > 0 && run.number() == number && !run.snippetRunning()) {
            run.interruptBetweenSnippets();
        }
    }

    /** Records that JShell created snippet {@code id} while the running cell was compiled. */
    void snippetCreated(int id) {
        snippetCells.putIfAbsent(id, runningCell.getAsInt());
        if (id > newestSnippet) {
            newestSnippet = id;
        }
    }

    /**
     * Returns the cell whose code {@code stack} is running: the cell that defined the
     * outermost frame of a notebook snippet (JShell names its classes {@code REPL.$JShell$<id>}),
     * or 0 when no frame comes from a cell. The outermost frame is the task as it was handed
     * over, e.g. the lambda a cell submitted to a pool, so a pool that an earlier cell created
     * and this cell feeds counts as running this cell's code.
     */
    int codeCell(List<String> classNamesInnermostFirst) {
        int cell = 0;
        for (String name : classNamesInnermostFirst) {
            int id = snippetId(name);
            if (id > 0) {
                Integer c = snippetCells.get(id);
                if (c == null && id > newestSnippet) {
                    // JShell reports a snippet only after it has run: a newer one is running now
                    CellRun run = current;
                    c = run == null ? null : run.number();
                }
                if (c != null && c > 0) {
                    cell = c;
                }
            }
        }
        return cell;
    }

    /** {@link #codeCell(List)} of another thread (takes its stack trace). */
    int codeCell(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        List<String> names = new java.util.ArrayList<>(stack.length);
        for (StackTraceElement e : stack) {
            names.add(e.getClassName());
        }
        return codeCell(names);
    }

    /** {@link #codeCell(List)} of the calling thread. */
    int codeCellOfCurrentThread() {
        return StackWalker.getInstance().walk(frames -> codeCell(
                frames.map(StackWalker.StackFrame::getClassName).toList()));
    }

    /** Parses the snippet id out of a JShell class name such as {@code REPL.$JShell$32$Foo}; -1 if none. */
    static int snippetId(String className) {
        int at = className.indexOf("$JShell$");
        if (at < 0) {
            return -1;
        }
        int from = at + 8;
        int to = from;
        while (to < className.length() && Character.isDigit(className.charAt(to))) {
            to++;
        }
        if (to == from || to - from > 9) {
            return -1;
        }
        return Integer.parseInt(className, from, to, 10);
    }

    /**
     * Returns the cell a line printed now by the calling thread comes from: the running cell for
     * its evaluation thread and the threads it started; else the cell whose code the thread runs;
     * else the cell that started the thread; 0 when none can be told.
     */
    int originOfCurrentThread(int running) {
        Thread me = Thread.currentThread();
        CellRun run = current;
        if (run != null && running > 0 && run.number() == running && me == run.evalThread()) {
            return running;
        }
        int tag = CellLoader.cellOf(me);
        if (running > 0 && tag == running) {
            return running;
        }
        int code = codeCellOfCurrentThread();
        return code > 0 ? code : tag;
    }
}
