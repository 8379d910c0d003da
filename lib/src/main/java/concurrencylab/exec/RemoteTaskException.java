package concurrencylab.exec;

import java.util.Objects;

/**
 * Stands in for an exception thrown in a worker JVM that could not be sent back as itself
 * (it, or something it refers to, is not serializable); it keeps the original class name,
 * message and stack trace.
 *
 * {@snippet :
 * catch (ExecutionException e) {
 *     if (e.getCause() instanceof RemoteTaskException r) {
 *         System.out.println(r.remoteClassName());
 *     }
 * }
 * }
 * <p>Thread safety: immutable once thrown.
 */
public final class RemoteTaskException extends RuntimeException {

    private final String remoteClassName;

    private RemoteTaskException(String remoteClassName, String message) {
        super(remoteClassName + (message == null ? "" : ": " + message));
        this.remoteClassName = remoteClassName;
    }

    /** Copies {@code t} (class name, message, stack trace, causes) into serializable stand-ins. */
    static RemoteTaskException copyOf(Throwable t) {
        Objects.requireNonNull(t, "t");
        RemoteTaskException copy = new RemoteTaskException(t.getClass().getName(), t.getMessage());
        copy.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(copyOf(t.getCause()));
        }
        return copy;
    }

    /** Returns the class name of the exception the task threw in the worker. */
    public String remoteClassName() {
        return remoteClassName;
    }
}
