package homework;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Exercise 2, reference solution: the three scanners side by side. "Lines" counts the lines of
 * each reference {@code scan} method and its private helpers (not the shared {@code Limits}).
 */
public final class ApiComparison {

    private ApiComparison() {
    }

    /** Returns the comparison table. */
    public static Table table() {
        return Table.create("Scanner three ways",
                StringColumn.create("Variant", "StructuredTaskScope", "CompletableFuture", "plain executor"),
                IntColumn.create("Lines", 19, 49, 38),
                StringColumn.create("Cancellation",
                        "automatic: the first failure or the timeout cancels the scope; close() waits for every thread",
                        "by hand: cancel(true) does not interrupt, so shutdownNow() the executor; a 'first failure' future to stop waiting",
                        "by hand: shutdownNow() in a finally; the pool size is the limit"),
                StringColumn.create("Error handling",
                        "join() throws FailedException (cause = the probe's) or TimeoutException",
                        "wrapped twice (CompletionException, ExecutionException): unwrap; checked exceptions must be wrapped to cross a Supplier",
                        "Future.get() throws ExecutionException; poll() with the time left gives the deadline"));
    }
}
