package concurrencylab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanvasTest {

    @Test
    @DisplayName("the image has the asked size, a white background and what the painter drew")
    void paints() {
        BufferedImage image = Canvas.paint(40, 20, g -> g.fillRect(0, 0, 10, 10));
        assertEquals(40, image.getWidth());
        assertEquals(20, image.getHeight());
        assertEquals(Color.BLACK.getRGB(), image.getRGB(5, 5));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(30, 15));
    }

    @Test
    @DisplayName("a size outside 1..10000 is refused")
    void refusesBadSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Canvas.paint(0, 20, g -> { }));
        assertEquals("width must be 1 to 10000, got 0", e.getMessage());
    }
}
