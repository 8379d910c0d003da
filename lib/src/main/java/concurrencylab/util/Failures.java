package concurrencylab.util;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Finds the failure behind the wrappers that futures put around it.
 *
 * {@snippet :
 * try {
 *     future.get(5, TimeUnit.SECONDS);
 * } catch (ExecutionException e) {
 *     Throwable cause = Failures.unwrap(e);   // the task's own exception
 * }
 * }
 *
 * <p>Thread safety: stateless.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Strips every {@link CompletionException} and {@link ExecutionException} wrapper and returns
     * the first throwable that is neither, or the innermost wrapper if it has no cause. Returns
     * null for null.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
