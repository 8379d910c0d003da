package concurrencylab.lab.debug;

import concurrencylab.kernel.CellSession;
import java.util.Map;

/** Renders a {@link DumpContainer} tree as text or HTML; stateless. */
final class DumpRenderer {
    private DumpRenderer() {
    }

    static String text(DumpContainer root) {
        StringBuilder out = new StringBuilder();
        text(root, "", "", out, CellSession.threadOrigins());
        return out.toString();
    }

    private static void text(DumpContainer c, String lead, String childLead, StringBuilder out, Map<Long, Integer> cells) {
        out.append(lead).append(header(c)).append('\n');
        int total = c.threads().size() + c.children().size();
        int i = 0;
        for (DumpedThread t : c.threads()) {
            boolean last = ++i == total;
            out.append(childLead).append(last ? "└─ " : "├─ ").append(line(t, cells)).append('\n');
        }
        for (DumpContainer child : c.children()) {
            boolean last = ++i == total;
            text(child, childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), out, cells);
        }
    }

    static String html(DumpContainer root) {
        StringBuilder out = new StringBuilder("<div style=\"font-family:monospace\"><ul>");
        html(root, out, CellSession.threadOrigins());
        return out.append("</ul></div>").toString();
    }

    private static void html(DumpContainer c, StringBuilder out, Map<Long, Integer> cells) {
        out.append("<li><b>").append(escape(header(c))).append("</b><ul>");
        for (DumpedThread t : c.threads()) {
            out.append("<li>").append(escape(line(t, cells))).append("</li>");
        }
        for (DumpContainer child : c.children()) {
            html(child, out, cells);
        }
        out.append("</ul></li>");
    }

    private static String header(DumpContainer c) {
        String owner = c.ownerTid() < 0 ? "" : ", owner #" + c.ownerTid();
        return "[" + c.name() + "] " + c.threads().size() + (c.threads().size() == 1 ? " thread" : " threads") + owner;
    }

    /** One thread; in the course kernel, with the cell that started it ({@code · cell [4]}). */
    private static String line(DumpedThread t, Map<Long, Integer> cells) {
        String kind = t.virtual() ? "virtual" : "platform";
        String where = t.userFrame().equals(t.topFrame())
                ? t.topFrame() : t.topFrame() + " <- " + t.userFrame();
        Integer cell = cells.get(t.tid());
        return "#" + t.tid() + " " + t.label() + " (" + kind + ") " + t.state() + "  " + where
                + (cell == null ? "" : "  · cell [" + cell + "]");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
