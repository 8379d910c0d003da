package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.ExecutionSite;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExecutorKindTest {

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    @DisplayName("create returns an executor that runs tasks on the kind of thread or process it names")
    void createRunsTasksWhereTheKindSays(ExecutorKind kind) throws Exception {
        try (ExecutorService pool = kind.create(2)) {
            ExecutionSite who = pool.submit(LabTasks.reportExecutionSite()).get(30, TimeUnit.SECONDS);
            long me = ProcessHandle.current().pid();
            switch (kind) {
                case PLATFORM -> assertTrue(who.pid() == me && !who.virtual(), who.toString());
                case VIRTUAL -> assertTrue(who.pid() == me && who.virtual() && !who.carrier().isEmpty(), who.toString());
                case PROCESS -> {
                    assertInstanceOf(ProcessPool.class, pool);
                    assertTrue(who.pid() != me && !who.virtual(), who.toString());
                }
            }
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
