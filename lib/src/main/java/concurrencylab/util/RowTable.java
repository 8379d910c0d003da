package concurrencylab.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns a list of rows into a Tablesaw {@link Table}, one column per value the rows give: the one
 * place where the library's result records become the tables a notebook shows.
 *
 * {@snippet :
 * Table t = RowTable.of(outcomes)
 *         .text("uri", o -> o.uri().getPath())
 *         .ints("status", DownloadOutcome::status)
 *         .longs("ms", o -> o.elapsed().toMillis())
 *         .toTable("platform pool (20 threads)");
 * }
 *
 * <p>Columns appear in the order they are added; each row gives one value per column. Not
 * thread-safe: fill it and call {@link #toTable} on one thread (the rows list is read there).
 *
 * @param <R> the type of one row
 */
public final class RowTable<R> {
    private final List<? extends R> rows;
    private final List<Column<?>> columns = new ArrayList<>();

    private RowTable(List<? extends R> rows) {
        this.rows = rows;
    }

    /**
     * Starts a table over {@code rows}.
     *
     * @throws NullPointerException if {@code rows} is null
     */
    public static <R> RowTable<R> of(List<? extends R> rows) {
        return new RowTable<>(Require.nonNull("rows", rows));
    }

    /** Adds a text column. */
    public RowTable<R> text(String name, Function<? super R, String> value) {
        return add(StringColumn.create(name), (c, r) -> c.append(value.apply(r)));
    }

    /** Adds a column of {@code int}s. */
    public RowTable<R> ints(String name, ToIntFunction<? super R> value) {
        return add(IntColumn.create(name), (c, r) -> c.append(value.applyAsInt(r)));
    }

    /** Adds a column of {@code long}s. */
    public RowTable<R> longs(String name, ToLongFunction<? super R> value) {
        return add(LongColumn.create(name), (c, r) -> c.append(value.applyAsLong(r)));
    }

    /** Adds a column of {@code double}s; NaN is a missing value. */
    public RowTable<R> doubles(String name, ToDoubleFunction<? super R> value) {
        return add(DoubleColumn.create(name), (c, r) -> c.append(value.applyAsDouble(r)));
    }

    /** Adds a column of durations in seconds, rounded to the millisecond (three decimals). */
    public RowTable<R> seconds(String name, Function<? super R, Duration> value) {
        return doubles(name, r -> Math.round(value.apply(r).toNanos() / 1e6) / 1000.0);
    }

    /** Adds a column of yes/no values. */
    public RowTable<R> flags(String name, Predicate<? super R> value) {
        return add(BooleanColumn.create(name), (c, r) -> c.append(value.test(r)));
    }

    /** Fills {@code column} with one value per row, in row order, and adds it. */
    private <C extends Column<?>> RowTable<R> add(C column, BiConsumer<C, R> append) {
        for (R row : rows) {
            append.accept(column, row);
        }
        columns.add(column);
        return this;
    }

    /** Returns the table named {@code title}, with the columns added so far. */
    public Table toTable(String title) {
        return Table.create(title, columns.toArray(Column<?>[]::new));
    }
}
