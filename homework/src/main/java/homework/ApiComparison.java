package homework;

import tech.tablesaw.api.Table;

/**
 * Exercise 2, the write-up: compare your three scanners in a table (yours to write).
 *
 * <p>One row per variant ({@link ScopeScanner}, {@link FutureScanner}, {@link PoolScanner}),
 * with the columns "Variant" (its {@link ScanVariant#name()}), "Lines" (an integer column:
 * lines of its {@code scan} method), "Cancellation" (how it stops the other probes) and
 * "Error handling" (how a probe's exception reaches the caller). No blank cells.
 */
public final class ApiComparison {

    private ApiComparison() {
    }

    /** Returns the comparison table. */
    public static Table table() {
        throw new UnsupportedOperationException("TODO: exercise 2, the comparison table");
    }
}
