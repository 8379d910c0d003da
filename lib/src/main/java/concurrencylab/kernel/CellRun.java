package concurrencylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of one cell (one execute request): its number, its thread tag, and what existed when
 * its first snippet started, so that an interrupt can tell what the cell started from what was
 * there before.
 *
 * <p>Created on the kernel's shell thread when the cell's first snippet is handed to the
 * evaluation executor; read by the evaluation thread, the interrupt's clean-up thread and any
 * thread that adopts a resource. Mutable parts are synchronized or volatile.
 */
final class CellRun {
    private final int number;
    private CellLoader tag; // guarded by this
    private final Set<Object> containersBefore;
    private final Set<Long> listeningBefore;
    private final List<Adopted> adopted = new ArrayList<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile Thread evalThread;
    private volatile boolean snippetRunning;
    private volatile boolean interruptPending;

    CellRun(int number, Set<Object> containersBefore, Set<Long> listeningBefore) {
        this.number = number;
        this.containersBefore = containersBefore;
        this.listeningBefore = listeningBefore;
    }

    int number() {
        return number;
    }

    /** The tag for an evaluation thread whose own context class loader is {@code parent}. */
    synchronized CellLoader tagFor(ClassLoader parent) {
        if (tag == null || tag.getParent() != parent) {
            tag = new CellLoader(number, parent);
        }
        return tag;
    }

    /** Whether {@code container} existed when the cell started (so the cell did not create it). */
    boolean existedBefore(Object container) {
        return containersBefore.contains(container);
    }

    /** Socket inodes this JVM listened on when the cell started. */
    Set<Long> listeningBefore() {
        return listeningBefore;
    }

    void adopt(Adopted resource) {
        synchronized (adopted) {
            adopted.add(resource);
        }
    }

    /** Returns the adopted resources and forgets them (each is stopped at most once). */
    List<Adopted> takeAdopted() {
        synchronized (adopted) {
            List<Adopted> out = List.copyOf(adopted);
            adopted.clear();
            return out;
        }
    }

    void snippetStarted(Thread thread) {
        evalThread = thread;
        snippetRunning = true;
    }

    void snippetEnded() {
        snippetRunning = false;
    }

    /** The kernel thread that evaluates this cell's snippets (null before the first one starts). */
    Thread evalThread() {
        return evalThread;
    }

    /** Whether a snippet of this cell is still being evaluated. */
    boolean snippetRunning() {
        return snippetRunning;
    }

    /** Remembers an interrupt that came while no snippet of this cell was running (compiling). */
    void interruptBetweenSnippets() {
        interruptPending = true;
    }

    /** Returns whether an interrupt is waiting for this cell's next snippet, and clears it. */
    boolean takePendingInterrupt() {
        boolean pending = interruptPending;
        interruptPending = false;
        return pending;
    }

    /** Marks the cell interrupted; returns false if it already was. */
    boolean markInterrupted() {
        return interrupted.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "cell " + number;
    }
}
