package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes harness tables as CSV and reads them back, checking every line, so a reference run
 * shipped in {@code datasets/reference/} loads as the same table the harness returns.
 * {@snippet :
 * BenchCsv.write(Path.of("build/bench/cpu.csv"), primesTable, shaTable);
 * Table reference = BenchCsv.read(Path.of("datasets/reference/cpu.csv"));
 * }
 * The format: a header line with exactly {@link BenchHarness#COLUMNS}, then one line per
 * row; a field holding a comma or a quote is quoted, with quotes doubled.
 *
 * <p>Thread safety: stateless.
 */
public final class BenchCsv {

    private BenchCsv() {
    }

    /**
     * Writes the rows of {@code tables}, one after another, under one header.
     *
     * @throws IllegalArgumentException if no table is given or a table lacks the harness's columns
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path file, Table... tables) throws IOException {
        Require.that(tables != null && tables.length > 0, "tables", "at least one harness table", "none");
        var csv = new StringBuilder(String.join(",", BenchHarness.COLUMNS)).append('\n');
        for (Table t : tables) {
            Require.that(t.columnNames().equals(BenchHarness.COLUMNS), "columns of table '" + t.name() + "'",
                    "those of a harness table, " + BenchHarness.COLUMNS, t.columnNames());
            for (int row = 0; row < t.rowCount(); row++) {
                List<String> fields = new ArrayList<>();
                for (Column<?> c : t.columns()) {
                    fields.add(field(c, row));
                }
                csv.append(String.join(",", fields)).append('\n');
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Reads a file written by {@link #write} into a harness table named after the file.
     *
     * @throws IllegalArgumentException if the file is empty, its header is not
     *     {@link BenchHarness#COLUMNS}, a line has the wrong number of fields, or a number
     *     does not parse; the message names the file, the line and the field
     * @throws IOException if the file cannot be read
     */
    public static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = String.join(",", BenchHarness.COLUMNS);
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IllegalArgumentException(file + " line 1: expected the header '" + header + "', found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        Table t = BenchHarness.emptyTable(file.getFileName().toString());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            List<String> fields = split(lines.get(i), where);
            if (fields.size() != BenchHarness.COLUMNS.size()) {
                throw new IllegalArgumentException(where + ": expected " + BenchHarness.COLUMNS.size() + " fields ("
                        + header + "), found " + fields.size());
            }
            for (int c = 0; c < fields.size(); c++) {
                append(t.column(c), fields.get(c), where);
            }
        }
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException(file + ": no rows after the header");
        }
        return t;
    }

    private static void append(Column<?> column, String text, String where) {
        try {
            if (column.type().equals(ColumnType.STRING)) {
                if (text.isBlank()) {
                    throw new IllegalArgumentException("empty");
                }
                ((StringColumn) column).append(text);
            } else if (column.type().equals(ColumnType.INTEGER)) {
                int n = Integer.parseInt(text.strip());
                if (n < 1) {
                    throw new IllegalArgumentException("below 1");
                }
                ((IntColumn) column).append(n);
            } else {
                double d = Double.parseDouble(text.strip());
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("not a finite number >= 0");
                }
                ((DoubleColumn) column).append(d);
            }
        } catch (IllegalArgumentException e) {
            String accepted = column.type().equals(ColumnType.STRING) ? "some text"
                    : column.type().equals(ColumnType.INTEGER) ? "a whole number >= 1" : "a number >= 0";
            throw new IllegalArgumentException(where + ": " + column.name() + " is '" + text + "'; accepted: " + accepted, e);
        }
    }

    private static String field(Column<?> column, int row) {
        String text = column.type().equals(ColumnType.DOUBLE)
                ? String.format(Locale.ROOT, "%.3f", ((DoubleColumn) column).getDouble(row))
                : column.getString(row);
        return quote(text);
    }

    /** Returns {@code text} as one CSV field: quoted, quotes doubled, when it holds a comma, a quote or a line break. */
    public static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static List<String> split(String line, String where) {
        List<String> fields = new ArrayList<>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"' && current.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(where + ": a quoted field is not closed");
        }
        fields.add(current.toString());
        return fields;
    }
}
