package concurrencylab.tasks;

/**
 * A static field to show that a worker JVM starts fresh. Python's {@code fork} start method
 * copies the parent's memory into the child, so a global set before the pool starts is seen
 * there; {@code spawn} starts a fresh interpreter that sees only what importing gives it. A
 * {@code ProcessPool} worker is always a fresh JVM, like {@code spawn}: set {@link #text} in the
 * notebook and a thread of the notebook sees it, a worker does not.
 * {@snippet :
 * StaticNote.text = "set in the notebook";
 * pool.submit(LabTasks.readStaticNote()).get(30, TimeUnit.SECONDS);   // "pid 4243: as the class starts"
 * }
 * <p>Thread safety: a {@code volatile} field, so a write by one thread is seen by every later
 * read in the same JVM; no other JVM ever sees it. Introduced in notebook {@code 07.2-Executors}.
 */
public final class StaticNote {
    /** The text a fresh JVM starts with. */
    public static final String INITIAL = "as the class starts";

    /** The note; set it in one JVM, read it with {@link LabTasks#readStaticNote()} anywhere. */
    public static volatile String text = INITIAL;

    private StaticNote() {
    }
}
