package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.lab.debug.JfrSummary.StackFrame;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FlameGraphTest {
    private static final StackFrame MAIN = new StackFrame("App.main", true);
    private static final StackFrame HASH = new StackFrame("App.hash", true);
    private static final StackFrame SORT = new StackFrame("App.sort", true);
    private static final StackFrame DIGEST = new StackFrame("DigestBase.engineUpdate", false);

    private static Map<List<StackFrame>, Integer> samples() {
        return Map.of(List.of(MAIN, HASH, DIGEST), 6, List.of(MAIN, HASH), 2, List.of(MAIN, SORT), 2);
    }

    @Test
    @DisplayName("stacks sharing outer frames merge: the root holds every sample, each node its callees' and its own")
    void mergesSharedPrefixes() {
        FlameGraph.Node root = FlameGraph.tree(samples());
        assertEquals(10, root.samples());
        FlameGraph.Node main = root.children().getFirst();
        assertEquals("App.main", main.method());
        assertEquals(10, main.samples());
        assertEquals(List.of("App.hash", "App.sort"), main.children().stream().map(FlameGraph.Node::method).toList());
        FlameGraph.Node hash = main.children().getFirst();
        assertEquals(8, hash.samples());
        assertEquals(2, hash.selfSamples());
        assertEquals(4, root.depth());
    }

    @Test
    @DisplayName("the icicle is 1000 px wide, one row per level, and paints your frames warm and JDK frames cool")
    void drawsRowsAndColours() {
        BufferedImage image = FlameGraph.icicle(samples(), "test");
        assertEquals(FlameGraph.WIDTH, image.getWidth());
        assertTrue(image.getHeight() >= 4 * 18, "four rows need at least 72 px, got " + image.getHeight());
        // row 1 (App.main) spans the whole width: sample its left edge, away from the label
        int mainRgb = image.getRGB(FlameGraph.WIDTH - 5, 34 + 18 + 2);
        assertTrue(red(mainRgb) > blue(mainRgb), "your frame should be warm, got " + Integer.toHexString(mainRgb));
        // row 3 (the JDK digest) starts at x = 0 and is 60 % wide
        int jdkRgb = image.getRGB(FlameGraph.WIDTH / 2, 34 + 3 * 18 + 2);
        assertTrue(blue(jdkRgb) > red(jdkRgb), "a JDK frame should be cool, got " + Integer.toHexString(jdkRgb));
        // right of the digest, row 3 is empty: App.hash's self time and App.sort have no callees
        assertEquals(0xFFFFFF, image.getRGB(FlameGraph.WIDTH - 5, 34 + 3 * 18 + 2) & 0xFFFFFF);
    }

    @Test
    @DisplayName("no samples still gives an image that says so, and a negative count is rejected")
    void emptyAndBadInput() {
        BufferedImage empty = FlameGraph.icicle(Map.of(), "nothing");
        assertEquals(FlameGraph.WIDTH, empty.getWidth());
        assertEquals(0, FlameGraph.tree(Map.of()).samples());
        assertThrows(IllegalArgumentException.class, () -> FlameGraph.tree(Map.of(List.of(MAIN), -1)));
    }

    @Test
    @DisplayName("a sampled busy loop shows up in JfrSummary's stacks, its flame graph and the hot-method pairing")
    void liveSamplesReachTheGraph() {
        JfrSummary s = JfrProbe.record(java.time.Duration.ofSeconds(10), FlameGraphTest::spin);
        assertTrue(s.stacks().keySet().stream().anyMatch(st -> st.contains(new StackFrame("FlameGraphTest.spin", true))),
                s::toString);
        assertNotEquals(0, s.flameGraph().getHeight());
        assertTrue(s.topFramesUnder("FlameGraphTest.spin").values().stream().mapToInt(Integer::intValue).sum() > 0);
    }

    static long sink;

    private static void spin() {
        long end = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
        }
        sink = x;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
