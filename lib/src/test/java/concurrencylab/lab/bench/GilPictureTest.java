package concurrencylab.lab.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link GilPicture}: the GIL model takes turns, the Java lanes are measured, the picture draws. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GilPictureTest {

    @Test
    @DisplayName("under the GIL model two threads alternate in turns of the switch interval and never overlap")
    void pythonTakesTurns() {
        List<GilPicture.Slice> slices = GilPicture.pythonModel(12, 5);
        assertEquals(List.of(new GilPicture.Slice(0, 0, 5), new GilPicture.Slice(1, 5, 10), new GilPicture.Slice(0, 10, 15),
                new GilPicture.Slice(1, 15, 20), new GilPicture.Slice(0, 20, 22), new GilPicture.Slice(1, 22, 24)), slices);
        var e = assertThrows(IllegalArgumentException.class, () -> GilPicture.pythonModel(10, 0));
        assertTrue(e.getMessage().contains("switch"), e.getMessage());
    }

    @Test
    @DisplayName("the Java lanes hold one slice per chunk, split over two threads, and the picture renders")
    void javaMeasuredAndDrawn() throws Exception {
        List<GilPicture.Slice> java = GilPicture.javaMeasured(50_000, 8);
        assertEquals(8, java.size());
        assertEquals(4, java.stream().filter(s -> s.lane() == 0).count());
        assertTrue(java.stream().allMatch(s -> s.endMs() >= s.startMs() && s.startMs() >= 0));
        var image = GilPicture.draw(GilPicture.pythonModel(3, 1), java);
        assertEquals(960, image.getWidth());
        assertThrows(IllegalArgumentException.class, () -> GilPicture.javaMeasured(50_000, 3));
        assertThrows(IllegalArgumentException.class, () -> GilPicture.draw(List.of(), java));
    }

    @Test
    @DisplayName("the work per thread for the Python panel is CPU time: positive and of the order of the Java lanes' wall time")
    void workPerThreadIsCpuTime() throws Exception {
        List<GilPicture.Slice> java = GilPicture.javaMeasured(200_000, 8);
        double wallPerThread = java.stream().mapToDouble(s -> s.endMs() - s.startMs()).sum() / 2;
        double cpu = GilPicture.cpuMsPerThread(200_000, java);
        assertTrue(cpu > 0, "cpu " + cpu);
        assertTrue(cpu <= wallPerThread * 3, "cpu " + cpu + " ms against wall " + wallPerThread + " ms per thread");
    }
}
