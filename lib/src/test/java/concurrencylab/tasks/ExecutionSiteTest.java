package concurrencylab.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExecutionSiteTest {

    @Test
    @DisplayName("a virtual thread reports itself as virtual, by id when unnamed, and names its carrier; a platform thread has no carrier")
    void virtualThreadNamesCarrier() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            AtomicReference<ExecutionSite> seen = new AtomicReference<>();
            Thread.ofVirtual().start(() -> seen.set(ExecutionSite.here())).join();
            assertTrue(seen.get().virtual());
            assertFalse(seen.get().carrier().isEmpty(), seen.get()::toString);
            assertTrue(seen.get().thread().matches("#\\d+"), "an unnamed thread shows its id: " + seen.get());
            ExecutionSite me = ExecutionSite.here();
            assertFalse(me.virtual());
            assertEquals("", me.carrier());
            assertEquals(ProcessHandle.current().pid(), me.pid());
        });
    }

    @Test
    @DisplayName("the tour has one row per place and exactly one of them is virtual")
    void tourHasAllPlaces() {
        var table = assertTimeoutPreemptively(Duration.ofSeconds(10), ExecutionSite::tour);
        assertEquals(4, table.rowCount());
        assertEquals(1, table.booleanColumn("virtual").countTrue());
    }
}
