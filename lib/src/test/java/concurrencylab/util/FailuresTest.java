package concurrencylab.util;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    @DisplayName("unwrap strips nested CompletionException and ExecutionException wrappers, nothing else")
    void unwrapsFutureWrappers() {
        IOException cause = new IOException("boom");
        assertSame(cause, Failures.unwrap(new CompletionException(new ExecutionException(cause))));
        IllegalStateException other = new IllegalStateException(cause);
        assertSame(other, Failures.unwrap(new ExecutionException(other)));
        assertSame(other, Failures.unwrap(other));
        CompletionException empty = new CompletionException("no cause", null);
        assertSame(empty, Failures.unwrap(empty));
        assertNull(Failures.unwrap(null));
    }

    @Test
    @DisplayName("what a failed future's get() throws unwraps to the task's own exception")
    void unwrapsARealFuture() throws Exception {
        IOException cause = new IOException("from the task");
        CompletableFuture<Void> failed = CompletableFuture.runAsync(() -> {
            throw new CompletionException(cause);
        }).thenRun(() -> { });
        try {
            failed.get(5, TimeUnit.SECONDS);
            throw new AssertionError("the future should have failed");
        } catch (ExecutionException e) {
            assertSame(cause, Failures.unwrap(e));
        }
    }
}
