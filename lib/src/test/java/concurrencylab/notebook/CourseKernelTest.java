package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    @DisplayName("start lets go of the ports the launcher holds, once, even where it sets nothing up")
    void startReleasesTheLaunchersPortsOnce() {
        AtomicInteger released = new AtomicInteger();
        System.getProperties().put(CourseKernel.RELEASE_PORTS_KEY, (Runnable) released::incrementAndGet);
        CourseKernel.start();
        assertEquals(1, released.get(), "the launcher's release did not run");
        assertNull(System.getProperties().get(CourseKernel.RELEASE_PORTS_KEY), "the release was left behind");
        CourseKernel.start();
        assertEquals(1, released.get(), "released twice");
        assertFalse(CourseKernel.releaseKernelPorts(), "nothing is left to release");
        System.getProperties().put(CourseKernel.RELEASE_PORTS_KEY, (Runnable) released::incrementAndGet);
        assertTrue(CourseKernel.releaseKernelPorts());
        assertEquals(2, released.get());
    }
}
