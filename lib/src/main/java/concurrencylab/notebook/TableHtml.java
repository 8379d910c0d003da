package concurrencylab.notebook;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as a plain HTML table; numbers are right-aligned. */
final class TableHtml {
    private static final int MAX_ROWS = 60;

    private TableHtml() {}

    static String render(Table table) {
        var html = new StringBuilder("<table class=\"concurrencylab-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = Math.min(table.rowCount(), MAX_ROWS);
        for (int row = 0; row < rows; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                boolean numeric = column.type().equals(tech.tablesaw.api.ColumnType.DOUBLE)
                        || column.type().equals(tech.tablesaw.api.ColumnType.INTEGER)
                        || column.type().equals(tech.tablesaw.api.ColumnType.LONG)
                        || column.type().equals(tech.tablesaw.api.ColumnType.FLOAT);
                html.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(column.getString(row)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (table.rowCount() > MAX_ROWS) {
            html.append("<p>… ").append(table.rowCount() - MAX_ROWS).append(" more rows</p>");
        }
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
