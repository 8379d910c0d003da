package concurrencylab.util;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * Draws a picture the library makes by hand (the GIL picture, the lesson's mind map): a white,
 * anti-aliased RGB image, handed to a painter and disposed of afterwards.
 *
 * {@snippet :
 * BufferedImage image = Canvas.paint(800, 300, g -> g.drawString("hello", 20, 30));
 * }
 *
 * <p>Thread safety: stateless; each call draws on its own image.
 */
public final class Canvas {

    private Canvas() {
    }

    /**
     * Returns a {@code width} x {@code height} image, white and anti-aliased (shapes and text),
     * after {@code painter} has drawn on it in black by default.
     *
     * @throws IllegalArgumentException if a size is outside 1..10000
     */
    public static BufferedImage paint(int width, int height, Consumer<Graphics2D> painter) {
        Require.inRange("width", width, 1, 10_000);
        Require.inRange("height", height, 1, 10_000);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
