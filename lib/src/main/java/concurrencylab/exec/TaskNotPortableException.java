package concurrencylab.exec;

/**
 * Thrown at submit when a task cannot run in another JVM: it was defined in a notebook cell
 * (JShell), was loaded by a class loader the workers do not have, or is not serializable.
 *
 * {@snippet :
 * try {
 *     pool.submit(() -> 42); // a lambda written in a notebook cell
 * } catch (TaskNotPortableException e) {
 *     System.out.println(e.getMessage()); // explains why, and what to use instead
 * }
 * }
 * <p>Thread safety: immutable once thrown.
 */
public final class TaskNotPortableException extends IllegalArgumentException {

    private final String offendingClass;

    TaskNotPortableException(String message, String offendingClass, Throwable cause) {
        super(message, cause);
        this.offendingClass = offendingClass;
    }

    /** Returns the name of the class that cannot be loaded or serialized in a worker JVM. */
    public String offendingClass() {
        return offendingClass;
    }
}
