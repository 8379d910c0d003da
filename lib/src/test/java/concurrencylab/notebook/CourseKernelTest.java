package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outside a JJava kernel (here). In the kernel: checks/tests/test_kernel_start.py and the notebooks. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CourseKernelTest {

    @Test
    @DisplayName("outside a JJava kernel, start changes nothing: no exit watcher, no display functions")
    void startOutsideAKernelDoesNothing() {
        assertEquals("not in a JJava kernel: nothing to set up", CourseKernel.start());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("course-exit-when-kernel-ends")), "an exit watcher was started");
        assertFalse(Notebook.inKernel());
    }
}
