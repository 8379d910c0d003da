package concurrencylab.lab.debug;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An icicle chart of sampled call stacks: a flame graph drawn top-down. The top row is every
 * sample; under each frame sit the methods it called, each as wide as its share of the samples.
 * A wide box far down is where the CPU went; a wide box with nothing under it is self time.
 *
 * {@snippet :
 * JfrSummary s = JfrProbe.record(Duration.ofSeconds(5), () -> work());
 * s.flameGraph()                       // as a cell's value: an inline PNG
 * FlameGraph.tree(s.stacks())          // the merged tree behind it
 * }
 *
 * <p>Frames of your code are drawn in warm colours, JDK frames in cool ones; siblings are
 * sorted by name, as in Brendan Gregg's flame graphs, so the x axis is not time. Stateless and
 * thread-safe: every call builds a new tree and image. Introduced in notebook
 * {@code 07.5-Debugging-Toolbox}.
 */
public final class FlameGraph {
    /** The width of every image, in pixels. */
    public static final int WIDTH = 1000;
    /** The most rows drawn; deeper frames are left out (their samples still count above). */
    public static final int MAX_DEPTH = 40;
    private static final int ROW = 18;
    private static final int TOP = 34;
    private static final int LEGEND = 22;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font FRAME_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private FlameGraph() {
    }

    /**
     * One frame of the merged tree.
     *
     * @param method   the method, {@code SimpleType.method}; the root is {@code "all samples"}
     * @param yours    true for your code, false for the JDK (and for the root)
     * @param samples  samples with this frame on their stack at this place
     * @param children the methods it called, sorted by name
     */
    public record Node(String method, boolean yours, int samples, List<Node> children) {
        /** Copies {@code children}. */
        public Node {
            Objects.requireNonNull(method, "method");
            children = List.copyOf(children);
        }

        /** Returns the samples taken in this frame itself, not in a method it called. */
        public int selfSamples() {
            return samples - children.stream().mapToInt(Node::samples).sum();
        }

        /** Returns how many rows the tree needs: 1 for a frame with no callees. */
        public int depth() {
            return 1 + children.stream().mapToInt(Node::depth).max().orElse(0);
        }
    }

    /**
     * Merges sampled stacks into one tree: stacks that share their outer frames share nodes.
     *
     * @param stacks samples per stack, outermost frame first
     * @return the root, named {@code "all samples"}, holding every sample
     * @throws IllegalArgumentException if a count is negative
     */
    public static Node tree(Map<List<JfrSummary.StackFrame>, Integer> stacks) {
        Objects.requireNonNull(stacks, "stacks");
        Building root = new Building("all samples", false);
        stacks.forEach((stack, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("a sample count cannot be negative: " + count + " for " + stack);
            }
            Building at = root;
            at.samples += count;
            for (JfrSummary.StackFrame f : stack) {
                at = at.children.computeIfAbsent(f.method() + (f.yours() ? "" : "\u0000jdk"),
                        k -> new Building(f.method(), f.yours()));
                at.samples += count;
            }
        });
        return root.freeze();
    }

    /**
     * Draws {@code stacks} as an icicle chart {@value #WIDTH} pixels wide.
     *
     * @param stacks samples per stack, outermost frame first
     * @param title  the line above the chart
     * @return the image; with no samples, a short image saying so
     */
    public static BufferedImage icicle(Map<List<JfrSummary.StackFrame>, Integer> stacks, String title) {
        Node root = tree(stacks);
        int rows = Math.min(MAX_DEPTH, root.depth());
        int height = TOP + rows * ROW + LEGEND;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(new Color(0x212529));
            g.setFont(TITLE_FONT);
            g.drawString(title == null ? "" : title, 8, 20);
            if (root.samples() == 0) {
                g.setFont(FRAME_FONT);
                g.drawString("(no samples: the block ran too briefly, or never on a CPU)", 8, TOP + 12);
            } else {
                draw(g, root, 0, WIDTH, 0, (double) WIDTH / root.samples());
            }
            g.setFont(FRAME_FONT);
            g.setColor(new Color(0x495057));
            g.drawString("width = share of CPU samples · callers above callees · warm: your code, cool: JDK",
                    8, height - 7);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, Node node, double x, double width, int row, double pxPerSample) {
        if (row >= MAX_DEPTH || width < 1) {
            return;
        }
        int left = (int) Math.round(x);
        int w = Math.max(1, (int) Math.round(x + width) - left);
        int y = TOP + row * ROW;
        g.setColor(colour(node, row));
        g.fillRect(left, y, w - 1, ROW - 1);
        label(g, node, left, y, w);
        double childX = x;
        for (Node child : node.children()) {
            double childWidth = child.samples() * pxPerSample;
            draw(g, child, childX, childWidth, row + 1, pxPerSample);
            childX += childWidth;
        }
    }

    private static void label(Graphics2D g, Node node, int left, int y, int w) {
        g.setFont(FRAME_FONT);
        FontMetrics m = g.getFontMetrics();
        String text = node.method() + " (" + node.samples() + ")";
        if (w < 24) {
            return;
        }
        while (m.stringWidth(text) > w - 6 && text.length() > 2) {
            text = text.substring(0, text.length() - 2) + "…";
            if (text.length() <= 3) {
                return;
            }
        }
        g.setColor(new Color(0x212529));
        g.drawString(text, left + 3, y + ROW - 5);
    }

    /** Warm for your code, cool for the JDK, grey for the root; varied by name so neighbours differ. */
    static Color colour(Node node, int row) {
        if (row == 0) {
            return new Color(0xDEE2E6);
        }
        int h = Math.floorMod(node.method().hashCode(), 40);
        return node.yours()
                ? new Color(235, 110 + h * 2, 40 + h)         // orange to yellow
                : new Color(120 + h, 170 + h, 215 + h / 2);   // light blues
    }

    /** A mutable node while merging; frozen into a {@link Node} with sorted children. */
    private static final class Building {
        final String method;
        final boolean yours;
        int samples;
        final Map<String, Building> children = new LinkedHashMap<>();

        Building(String method, boolean yours) {
            this.method = method;
            this.yours = yours;
        }

        Node freeze() {
            List<Node> kids = new ArrayList<>();
            children.values().stream().sorted(Comparator.comparing((Building b) -> b.method)
                    .thenComparing(b -> b.yours)).forEach(b -> kids.add(b.freeze()));
            return new Node(method, yours, samples, kids);
        }
    }
}
