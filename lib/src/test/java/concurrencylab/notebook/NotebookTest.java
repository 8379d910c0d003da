package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class NotebookTest {
    @Test
    void aChartEncodesAsBase64Png() {
        var chart = new CategoryChartBuilder().width(200).height(100).build();
        chart.addSeries("s", List.of("a", "b"), List.of(1, 2));
        byte[] png = Base64.getDecoder().decode(Notebook.pngBase64(chart));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
    }

    @Test
    void aTableRendersAsAnEscapedHtmlTableWithCaption() {
        var table = Table.create("times <ms>", StringColumn.create("model", "a&b"), DoubleColumn.create("s", 1.5));
        String html = Notebook.html(table);
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<caption>times &lt;ms&gt;</caption>"), html);
        assertTrue(html.contains("<td>a&amp;b</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">1.5</td>"), html);
    }

    @Test
    void progressUpdatesOneDisplayInPlace() {
        var shown = new ArrayList<Object>();
        var updates = new ArrayList<String>();
        Progress progress = new Progress("runs", obj -> { shown.add(obj); return "id-1"; },
                (id, obj) -> updates.add(id + "=" + obj));
        progress.update("1 of 3");
        progress.update("2 of 3");
        progress.done("3 of 3");
        assertEquals(List.of("runs: 1 of 3"), shown);
        assertEquals(List.of("id-1=runs: 2 of 3", "id-1=runs: 3 of 3"), updates);
    }
}
