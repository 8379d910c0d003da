package concurrencylab.kernel;

/**
 * The tag that says which cell started a thread: a class loader that loads nothing itself.
 *
 * <p>While a cell's code runs, the kernel's evaluation thread has a {@code CellLoader} as its
 * context class loader. Every thread created from then on by that thread, or by a thread it
 * created, inherits the context class loader (platform and virtual threads alike, JDK 21+),
 * so {@link #cellOf(Thread)} answers "which cell started this thread?" for any live
 * {@link Thread} object, with public API only. Class and resource look-ups go to the parent,
 * the loader the thread had before, so code that uses the context class loader behaves as
 * without the tag.
 *
 * <p>Not tagged: threads the JDK creates with the system class loader on purpose (workers of
 * every {@code ForkJoinPool}, the virtual-thread scheduler's carriers, {@code InnocuousThread}s),
 * and threads whose code sets another context class loader. {@link CellCleanup} finds the
 * workers of a {@code ForkJoinPool} a cell created through the pool instead.
 *
 * <p>Immutable; thread-safe.
 */
final class CellLoader extends ClassLoader {
    private final int cell;

    CellLoader(int cell, ClassLoader parent) {
        super("cell-" + cell, parent);
        this.cell = cell;
    }

    /** The cell number (the execution count Jupyter showed as {@code In [n]}). */
    int cell() {
        return cell;
    }

    /** Returns the loader without any cell tag: {@code loader} itself, or the parent of a tag. */
    static ClassLoader untagged(ClassLoader loader) {
        return loader instanceof CellLoader tag ? tag.getParent() : loader;
    }

    /**
     * Returns the cell that started {@code thread} (its context class loader, or one of that
     * loader's first few parents, is a cell tag), or 0 when it carries no tag.
     */
    static int cellOf(Thread thread) {
        ClassLoader loader;
        try {
            loader = thread.getContextClassLoader();
        } catch (SecurityException | UnsupportedOperationException e) {
            return 0;
        }
        for (int depth = 0; loader != null && depth < 8; depth++) {
            if (loader instanceof CellLoader tag) {
                return tag.cell;
            }
            loader = loader.getParent();
        }
        return 0;
    }

    @Override
    public String toString() {
        return "CellLoader[cell " + cell + ", parent " + getParent() + "]";
    }
}
