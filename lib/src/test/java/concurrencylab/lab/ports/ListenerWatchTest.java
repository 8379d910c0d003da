package concurrencylab.lab.ports;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListenerWatchTest {

    @Test
    @DisplayName("a listener that opens and closes while the watch runs is still in what it saw")
    void seesShortLivedListener() throws Exception {
        assumeTrue(ListeningPorts.snapshot().isPresent(), "needs /proc/net/tcp");
        int port;
        try (ListenerWatch watch = new ListenerWatch()) {
            try (PlantedListeners planted = PlantedListeners.open(0, 1)) {
                port = planted.ports().get(0);
                watch.close(); // samples once more on the way out, while the listener is still open
            }
            assertTrue(watch.seen().contains(port), watch.seen().toString());
        }
    }

    @Test
    @DisplayName("a watch at the ends sees a listener open when it closes, and one open when it opened, with no thread between")
    void atEndsReadsWhenOpenedAndClosed() throws Exception {
        assumeTrue(ListeningPorts.snapshot().isPresent(), "needs /proc/net/tcp");
        try (PlantedListeners before = PlantedListeners.open(0, 1)) {
            int early = before.ports().get(0);
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("scan-benchmark-listener-watch")).count();
            try (ListenerWatch watch = ListenerWatch.atEnds()) {
                assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("scan-benchmark-listener-watch")).count() == threads,
                        "no sampling thread");
                try (PlantedListeners later = PlantedListeners.open(0, 1)) {
                    int late = later.ports().get(0);
                    watch.close();
                    assertTrue(watch.seen().contains(early) && watch.seen().contains(late), watch.seen().toString());
                }
            }
        }
    }
}
