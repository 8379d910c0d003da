package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutorKindTest {

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"PLATFORM", "VIRTUAL"})
    @DisplayName("create returns a working executor that runs a task and closes")
    void createReturnsWorkingExecutor(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            assertEquals(42, pool.submit(() -> 42).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("create rejects a worker count below 1 with a message saying what is accepted")
    void createRejectsZeroWorkers() {
        for (ExecutorKind kind : ExecutorKind.values()) {
            var e = assertThrows(IllegalArgumentException.class, () -> kind.create(0));
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
    }

    @Test
    @DisplayName("every kind has a distinct non-blank label for charts")
    void labelsAreDistinct() {
        var labels = new HashSet<String>();
        for (ExecutorKind kind : EnumSet.allOf(ExecutorKind.class)) {
            assertFalse(kind.label().isBlank());
            assertTrue(labels.add(kind.label()), "duplicate label " + kind.label());
        }
    }
}
