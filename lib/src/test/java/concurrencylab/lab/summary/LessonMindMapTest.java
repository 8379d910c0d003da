package concurrencylab.lab.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LessonMindMapTest {

    @Test
    @DisplayName("the image is drawn: wide, and coloured by more than the background")
    void imageIsDrawn() {
        BufferedImage image = LessonMindMap.image();
        assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 300, image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > LessonMindMap.branches().size(), "distinct colours: " + colours.size());
    }

    @Test
    @DisplayName("a map of your own branches is drawn with the same width; no branch at all is rejected")
    void ownBranches() {
        var mine = java.util.List.of(new LessonMindMap.Branch("ExecutorService", java.awt.Color.BLUE,
                java.util.List.of("submit", "close")));
        assertEquals(LessonMindMap.image().getWidth(), LessonMindMap.image("APIs", mine).getWidth());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LessonMindMap.image("APIs", java.util.List.of()));
    }

    @Test
    @DisplayName("the Mermaid text has one line per branch and per leaf under a mindmap root")
    void mermaidListsEveryNode() {
        String text = LessonMindMap.mermaid();
        assertTrue(text.startsWith("mindmap\n  root(("));
        int nodes = LessonMindMap.branches().stream().mapToInt(b -> 1 + b.leaves().size()).sum();
        assertEquals(nodes + 2, text.lines().count());
        LessonMindMap.branches().forEach(b -> assertTrue(text.contains("    " + b.title() + "\n"), b.title()));
    }

    @Test
    @DisplayName("no node text carries a Mermaid shape delimiter, so Mermaid parses the map")
    void nodeTextsAreValidMermaid() {
        // In a mindmap, ( ) [ ] { } open and close node shapes: "get()" stops the parse.
        LessonMindMap.branches().forEach(b -> {
            assertTrue(b.title().chars().noneMatch(c -> "()[]{}".indexOf(c) >= 0), b.title());
            b.leaves().forEach(l -> assertTrue(l.chars().noneMatch(c -> "()[]{}".indexOf(c) >= 0), l));
        });
    }
}
