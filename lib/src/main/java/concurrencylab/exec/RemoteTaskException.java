package concurrencylab.exec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Stands in for an exception thrown in a worker JVM that could not be sent back as itself
 * (it, or something it refers to, is not serializable); it keeps the original class name,
 * message and stack trace, and its causes and suppressed exceptions as stand-ins too.
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

    /**
     * Copies {@code t} (class name, message, stack trace, causes and suppressed exceptions)
     * into serializable stand-ins; an exception met a second time (a cycle) is not copied again.
     */
    static RemoteTaskException copyOf(Throwable t) {
        Objects.requireNonNull(t, "t");
        return copyOf(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RemoteTaskException copyOf(Throwable t, Set<Throwable> seen) {
        seen.add(t);
        RemoteTaskException copy = new RemoteTaskException(t.getClass().getName(), t.getMessage());
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && !seen.contains(cause)) {
            copy.initCause(copyOf(cause, seen));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copyOf(suppressed, seen));
            }
        }
        return copy;
    }

    /** Returns the class name of the exception the task threw in the worker. */
    public String remoteClassName() {
        return remoteClassName;
    }
}
