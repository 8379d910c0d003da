package concurrencylab.lab.debug;

/** Renders a {@link DumpContainer} tree as text or HTML; stateless. */
final class DumpRenderer {
    private DumpRenderer() {
    }

    static String text(DumpContainer root) {
        StringBuilder out = new StringBuilder();
        text(root, "", "", out);
        return out.toString();
    }

    private static void text(DumpContainer c, String lead, String childLead, StringBuilder out) {
        out.append(lead).append(header(c)).append('\n');
        int total = c.threads().size() + c.children().size();
        int i = 0;
        for (DumpedThread t : c.threads()) {
            boolean last = ++i == total;
            out.append(childLead).append(last ? "└─ " : "├─ ").append(line(t)).append('\n');
        }
        for (DumpContainer child : c.children()) {
            boolean last = ++i == total;
            text(child, childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), out);
        }
    }

    static String html(DumpContainer root) {
        StringBuilder out = new StringBuilder("<div style=\"font-family:monospace\"><ul>");
        html(root, out);
        return out.append("</ul></div>").toString();
    }

    private static void html(DumpContainer c, StringBuilder out) {
        out.append("<li><b>").append(escape(header(c))).append("</b><ul>");
        for (DumpedThread t : c.threads()) {
            out.append("<li>").append(escape(line(t))).append("</li>");
        }
        for (DumpContainer child : c.children()) {
            html(child, out);
        }
        out.append("</ul></li>");
    }

    private static String header(DumpContainer c) {
        String owner = c.ownerTid() < 0 ? "" : ", owner #" + c.ownerTid();
        return "[" + c.name() + "] " + c.threads().size() + (c.threads().size() == 1 ? " thread" : " threads") + owner;
    }

    private static String line(DumpedThread t) {
        String kind = t.virtual() ? "virtual" : "platform";
        String where = t.userFrame().equals(t.topFrame())
                ? t.topFrame() : t.topFrame() + " <- " + t.userFrame();
        return "#" + t.tid() + " " + t.label() + " (" + kind + ") " + t.state() + "  " + where;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
