package concurrencylab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The kernel's standard output (and error): passes every line on to the running cell, and
 * marks the lines that another cell's threads print.
 *
 * <p>The design, and why. A Jupyter cell's output is the stream of messages that carry its
 * execute request as parent; a kernel can only write into a cell while that request is open.
 * Output a background thread prints while cell B runs therefore lands in B. ipykernel tried
 * routing it to the cell that created the thread instead (ipython/ipykernel PR 1186, 2023) and
 * made that opt-in again (PR 1451, 2025): long-lived helper threads sent output to stale cells,
 * and a front end shows nothing for a cell whose request has ended. So this kernel keeps the
 * output where the student is looking, in the running cell, and prefixes each line that does
 * not come from that cell with where it does come from:
 * {@code [cell 3 · pool-1-thread-2] tick 7}. "cell 3" is the cell that showed {@code In [3]}.
 * Lines printed while no cell runs (Jupyter would drop them) are held, at most
 * {@value #HELD_LINES} of them, and shown at the start of the next cell, marked
 * {@code [cell 3 · pool-1-thread-2 · between cells]}.
 *
 * <p>Which cell a line comes from ({@link CellSession#originOfCurrentThread}): the running
 * cell for its own evaluation thread and the threads it started; else the cell whose code the
 * printing thread runs (its outermost notebook frame), so a pool that cell 2 created and cell 5
 * feeds prints unmarked in cell 5; else the cell that started the thread. A thread of no cell
 * (the kernel's own, the JDK's) prints unmarked.
 *
 * <p>Lines are cut at {@code '\n'}; a partial line is written out when its thread flushes (as
 * {@code print} + {@code flush} does), and the rest of that line is not marked again. Each
 * thread has its own partial line, so lines of different threads never interleave.
 *
 * <p>Thread-safe: one lock orders all writes.
 */
final class CellOutput extends OutputStream {
    /** The most lines held while no cell runs; older ones are dropped and counted. */
    static final int HELD_LINES = 200;

    private final OutputStream target;
    private final BooleanSupplier attached;
    private final CellSession session;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Thread, ByteArrayOutputStream> partial = new WeakHashMap<>();
    private final Map<Thread, Boolean> midLine = new WeakHashMap<>();
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private int droppedHeld;
    private volatile boolean anyHeld;

    /**
     * @param target   where lines go while a cell runs (the kernel's own stream into the cell)
     * @param attached whether a cell's request is open now, so that {@code target} reaches it
     * @param session  tells the running cell and the origin of the printing thread
     */
    CellOutput(OutputStream target, BooleanSupplier attached, CellSession session) {
        this.target = Objects.requireNonNull(target, "target");
        this.attached = Objects.requireNonNull(attached, "attached");
        this.session = Objects.requireNonNull(session, "session");
    }

    /** A print stream (UTF-8, flushing on every line) over a new {@code CellOutput}. */
    static PrintStream printStream(OutputStream target, BooleanSupplier attached, CellSession session) {
        return new PrintStream(new CellOutput(target, attached, session), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            int lineStart = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    ByteArrayOutputStream pending = partial.remove(me);
                    ByteArrayOutputStream line = pending == null ? new ByteArrayOutputStream(i + 1 - lineStart) : pending;
                    line.write(b, lineStart, i + 1 - lineStart);
                    emit(me, line.toByteArray(), true);
                    lineStart = i + 1;
                }
            }
            if (lineStart < off + len) {
                partial.computeIfAbsent(me, t -> new ByteArrayOutputStream()).write(b, lineStart, off + len - lineStart);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            ByteArrayOutputStream pending = partial.remove(me);
            if (pending != null && pending.size() > 0) {
                emit(me, pending.toByteArray(), false);
            }
            if (attached.getAsBoolean()) {
                target.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shows the lines held while no cell ran; called as each snippet starts. */
    void releaseHeld() {
        if (!anyHeld) {
            return;
        }
        lock.lock();
        try {
            if (attached.getAsBoolean()) {
                writeHeld();
                target.flush();
            }
        } catch (IOException e) {
            // the cell's stream is gone: nothing to show them in
        } finally {
            lock.unlock();
        }
    }

    /** Writes the held lines to the cell; the caller holds the lock and the cell is attached. */
    private void writeHeld() throws IOException {
        if (droppedHeld > 0) {
            target.write(("[" + droppedHeld + " earlier lines printed between cells were dropped]\n")
                    .getBytes(StandardCharsets.UTF_8));
            droppedHeld = 0;
        }
        for (byte[] line; (line = held.poll()) != null; ) {
            target.write(line);
        }
        anyHeld = false;
    }

    /** Writes one line (or a flushed partial line) of thread {@code t}, marked when needed. */
    private void emit(Thread t, byte[] text, boolean endsLine) throws IOException {
        boolean continuing = Boolean.TRUE.equals(midLine.get(t));
        if (endsLine) {
            midLine.remove(t);
        } else {
            midLine.put(t, Boolean.TRUE);
        }
        boolean open = attached.getAsBoolean();
        int running = open ? session.runningCell() : 0;
        String marker = continuing ? "" : marker(t, running, !open);
        byte[] out = marker.isEmpty() ? text : concat(marker.getBytes(StandardCharsets.UTF_8), text);
        if (open) {
            if (anyHeld) {
                writeHeld(); // what was printed between cells comes first
            }
            target.write(out);
            target.flush();
        } else {
            if (!endsLine) {
                out = concat(out, new byte[] {'\n'});
            }
            if (held.size() >= HELD_LINES) {
                held.poll();
                droppedHeld++;
            }
            held.add(out);
            anyHeld = true;
        }
    }

    private String marker(Thread t, int running, boolean betweenCells) {
        int origin = session.originOfCurrentThread(running);
        if (!betweenCells) {
            return origin <= 0 || origin == running ? "" : "[cell " + origin + " · " + LiveThreads.label(t) + "] ";
        }
        return origin > 0 ? "[cell " + origin + " · " + LiveThreads.label(t) + " · between cells] "
                : "[" + LiveThreads.label(t) + " · between cells] ";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
