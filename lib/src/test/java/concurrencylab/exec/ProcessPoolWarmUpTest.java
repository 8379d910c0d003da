package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessPoolWarmUpTest {

    @Test
    @DisplayName("the worker warm-up runs its rounds while idle, and stops at zero budget or when a task waits")
    void warmUpRunsItsRoundsWhileIdle() {
        assertEquals(0, ProcessWorker.warmUpWirePath(0, 100, () -> true));
        assertEquals(0, ProcessWorker.warmUpWirePath(-5, 100, () -> true));
        assertEquals(25, ProcessWorker.warmUpWirePath(60_000, 25, () -> true));
        assertEquals(0, ProcessWorker.warmUpWirePath(60_000, 25, () -> false), "a task is waiting");
        var polls = new java.util.concurrent.atomic.AtomicInteger();
        assertEquals(3, ProcessWorker.warmUpWirePath(60_000, 25, () -> polls.incrementAndGet() <= 3));
        assertEquals(0, ProcessWorker.warmUpWirePath(60_000, 25, () -> {
            throw new java.io.IOException("stdin gone");
        }), "a failing check ends the warm-up");
    }

    @Test
    @DisplayName("workers are told the warm-up budget: the default, or the parent's property")
    void launcherPassesTheBudget() {
        var launcher = new WorkerLauncher("java", "lib.jar");
        String flag = "-D" + WorkerLauncher.WARM_UP_PROPERTY + "=";
        String before = System.getProperty(WorkerLauncher.WARM_UP_PROPERTY);
        try {
            System.clearProperty(WorkerLauncher.WARM_UP_PROPERTY);
            assertTrue(launcher.command(1, 0).contains(flag + WorkerLauncher.DEFAULT_WARM_UP_MILLIS), launcher.command(1, 0).toString());
            System.setProperty(WorkerLauncher.WARM_UP_PROPERTY, "0");
            assertTrue(launcher.command(1, 0).contains(flag + "0"));
            System.setProperty(WorkerLauncher.WARM_UP_PROPERTY, "-7");
            assertTrue(launcher.command(1, 0).contains(flag + "0"), "a negative budget means none");
        } finally {
            if (before == null) {
                System.clearProperty(WorkerLauncher.WARM_UP_PROPERTY);
            } else {
                System.setProperty(WorkerLauncher.WARM_UP_PROPERTY, before);
            }
        }
    }
}
