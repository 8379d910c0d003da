package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void blankOrMissingMeansQuick() {
        assertEquals(Scale.QUICK, Scale.parse(null));
        assertEquals(Scale.QUICK, Scale.parse("  "));
    }

    @Test
    void namesParseCaseInsensitively() {
        assertEquals(Scale.FULL, Scale.parse(" Full "));
        assertEquals(Scale.QUICK, Scale.parse("QUICK"));
    }

    @Test
    void pickChoosesTheSizeForTheScale() {
        assertEquals(10, Scale.QUICK.pick(10, 1000));
        assertEquals(1000, Scale.FULL.pick(10, 1000));
    }

    @Test
    void anUnknownScaleIsRejectedWithTheAcceptedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("huge"));
        assertTrue(e.getMessage().contains("'huge'") && e.getMessage().contains("'quick'")
                && e.getMessage().contains("'full'"), e.getMessage());
    }
}
