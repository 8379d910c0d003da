package concurrencylab.lab.summary;

import concurrencylab.notebook.Lesson;
import concurrencylab.util.Canvas;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The mind map of lesson 7, drawn with Java2D: the lesson in the middle, one branch per
 * notebook, the ideas to keep as leaves. Branches alternate right and left, as in a
 * hand-drawn mind map, so nothing overlaps however long a label is.
 *
 * {@snippet :
 * LessonMindMap.image()      // as a cell's value: an inline PNG
 * LessonMindMap.image("Java concurrency APIs", List.of(new LessonMindMap.Branch("ExecutorService",
 *         Color.BLUE, List.of("submit", "invokeAll", "close"))))   // your own map, same layout
 * }
 * <p>Introduced in notebook {@code 07.7-Summary}, which also shows the same map as Mermaid
 * text ({@link #mermaid()}). Stateless and thread-safe: every call draws a new image.
 */
public final class LessonMindMap {

    /** One branch of the map: a notebook, its colour, and the ideas it leaves you with. */
    public record Branch(String title, Color colour, List<String> leaves) {
        /** Copies {@code leaves}. */
        public Branch {
            leaves = List.copyOf(leaves);
        }
    }

    private static final String CENTRE = "Lesson 7: Java concurrency";
    private static final List<Branch> BRANCHES = List.of(
            new Branch("7.1 No GIL in Java", new Color(0xD9480F),
                    List.of("CPU work scales with cores", "I/O work scales with waiting", "processes only for isolation")),
            new Branch("7.2 Executors", new Color(0x1971C2),
                    List.of("ExecutorService + Future", "switch: platform / virtual / process",
                            "a timeout on every Future.get", "exceptions live in the Future")),
            new Branch("7.3 The async model", new Color(0x2F9E44),
                    List.of("CompletableFuture chains", "HttpClient.sendAsync", "Semaphore as a concurrency limit",
                            "never block inside a bounded pool")),
            new Branch("7.4 Hybrid CPU + I/O", new Color(0x9C36B5),
                    List.of("I/O on virtual threads", "hashing on a core-sized pool", "a bounded queue = back-pressure")),
            new Branch("7.5 Debugging toolbox", new Color(0xE8590C),
                    List.of("leak checks", "thread dumps as JSON", "JFR: pinning, hot methods",
                            "StructuredTaskScope = nursery")),
            new Branch("7.6 Port scanner", new Color(0x0C8599),
                    List.of("a scope of virtual-thread workers", "limit + connect timeout", "all 65,535 ports, timed")),
            new Branch("7.8 Homework", new Color(0x5F3DC4),
                    List.of("hybrid scanner", "scope vs future vs executor", "the signature logo", "./course grade")));

    private static final int WIDTH = 1560;
    private static final int LEAF_HEIGHT = 26;
    private static final int BRANCH_GAP = 18;
    private static final int MARGIN = 30;
    private static final int BRANCH_OFFSET = 330;
    private static final int LEAF_OFFSET = 480;
    private static final Font CENTRE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font BRANCH_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LEAF_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private LessonMindMap() {
    }

    /** Returns the branches of the map, in reading order (7.1 first). */
    public static List<Branch> branches() {
        return BRANCHES;
    }

    /** Draws the mind map as an image (1560 pixels wide). */
    public static BufferedImage image() {
        return image(CENTRE, BRANCHES);
    }

    /**
     * Draws a mind map of your own with the same layout: {@code centre} in the middle, the
     * branches alternating right and left, each with its leaves.
     *
     * @param centre   the text in the middle
     * @param branches the branches, in reading order
     * @return the image, 1560 pixels wide
     * @throws IllegalArgumentException if {@code centre} is blank or there is no branch
     */
    public static BufferedImage image(String centre, List<Branch> branches) {
        if (centre == null || centre.isBlank() || branches == null || branches.isEmpty()) {
            throw new IllegalArgumentException("a mind map needs a centre and at least one branch, got "
                    + centre + " and " + branches);
        }
        List<Branch> right = side(branches, 0);
        List<Branch> left = side(branches, 1);
        int height = Math.max(sideHeight(right), sideHeight(left)) + 2 * MARGIN + 30;
        return Canvas.paint(WIDTH, height, g -> {
            int cx = WIDTH / 2;
            int cy = height / 2;
            drawSide(g, right, cx, cy, height, +1);
            drawSide(g, left, cx, cy, height, -1);
            box(g, centre, CENTRE_FONT, cx, cy, new Color(0x343A40), Color.WHITE, true);
            signature(g, height);
        });
    }

    /** Returns the same map as Mermaid {@code mindmap} text, for a Markdown cell. */
    public static String mermaid() {
        var text = new StringBuilder("mindmap\n  root((" + CENTRE + "))\n");
        for (Branch b : BRANCHES) {
            text.append("    ").append(b.title()).append('\n');
            b.leaves().forEach(leaf -> text.append("      ").append(leaf).append('\n'));
        }
        return text.toString();
    }

    private static List<Branch> side(List<Branch> branches, int parity) {
        return java.util.stream.IntStream.range(0, branches.size())
                .filter(i -> i % 2 == parity).mapToObj(branches::get).toList();
    }

    private static int branchHeight(Branch b) {
        return Math.max(1, b.leaves().size()) * LEAF_HEIGHT + BRANCH_GAP;
    }

    private static int sideHeight(List<Branch> branches) {
        return branches.stream().mapToInt(LessonMindMap::branchHeight).sum();
    }

    private static void drawSide(Graphics2D g, List<Branch> branches, int cx, int cy, int height, int dir) {
        int y = (height - sideHeight(branches)) / 2;
        for (Branch b : branches) {
            int block = branchHeight(b);
            int by = y + block / 2;
            int bx = cx + dir * BRANCH_OFFSET;
            curve(g, cx, cy, bx, by, b.colour(), 3f);
            int ly = by - (b.leaves().size() - 1) * LEAF_HEIGHT / 2;
            for (String leaf : b.leaves()) {
                int lx = cx + dir * LEAF_OFFSET;
                curve(g, bx, by, lx, ly, b.colour(), 1.5f);
                leaf(g, leaf, lx, ly, b.colour(), dir);
                ly += LEAF_HEIGHT;
            }
            box(g, b.title(), BRANCH_FONT, bx, by, b.colour(), Color.WHITE, false);
            y += block;
        }
    }

    private static void curve(Graphics2D g, int x1, int y1, int x2, int y2, Color colour, float width) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int mid = (x1 + x2) / 2;
        g.draw(new CubicCurve2D.Float(x1, y1, mid, y1, mid, y2, x2, y2));
    }

    private static void box(Graphics2D g, String text, Font font, int cx, int cy, Color fill, Color ink, boolean big) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(text) + (big ? 36 : 24);
        int h = m.getHeight() + (big ? 20 : 12);
        var shape = new RoundRectangle2D.Float(cx - w / 2f, cy - h / 2f, w, h, h, h);
        g.setColor(fill);
        g.fill(shape);
        g.setColor(ink);
        g.drawString(text, cx - m.stringWidth(text) / 2, cy + m.getAscent() / 2 - 2);
    }

    private static void leaf(Graphics2D g, String text, int x, int y, Color colour, int dir) {
        g.setFont(LEAF_FONT);
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(text);
        int left = dir > 0 ? x : x - w;
        g.setColor(colour);
        g.fillOval(x - 4, y - 4, 8, 8);
        g.setColor(new Color(0x212529));
        g.drawString(text, left + dir * 10, y + m.getAscent() / 2 - 2);
    }

    private static void signature(Graphics2D g, int height) {
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        String author = g.getFont().canDisplayUpTo(Lesson.SIGNATURE) < 0 ? Lesson.SIGNATURE : "Wanfeng the programmer";
        g.setColor(new Color(0x868E96));
        g.drawString("mind map signed by " + author, MARGIN, height - 12);
    }
}
