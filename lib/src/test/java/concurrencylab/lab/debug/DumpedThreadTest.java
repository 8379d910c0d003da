package concurrencylab.lab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DumpedThreadTest {
    private final DumpedThread parked = new DumpedThread(31, "", true, "WAITING", List.of(
            "java.base/java.lang.VirtualThread.park(VirtualThread.java:742)",
            "java.base/java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)",
            "app.Orders.fetch(Orders.java:12)"));

    @Test
    @DisplayName("a nameless virtual thread is labelled virtual#tid")
    void labelsNamelessVirtualThread() {
        assertEquals("virtual#31", parked.label());
    }

    @Test
    @DisplayName("the top frame drops module and package; the user frame is the first non-JDK frame")
    void framesAreShortened() {
        assertEquals("VirtualThread.park(VirtualThread.java:742)", parked.topFrame());
        assertEquals("Orders.fetch(Orders.java:12)", parked.userFrame());
    }

    @Test
    @DisplayName("an idle pool worker (only JDK frames) is placed above the parking machinery, at the queue it waits on")
    void idleWorkerIsAtItsQueue() {
        var idle = new DumpedThread(5, "pool-1-thread-1", false, "WAITING", List.of(
                "java.base/jdk.internal.misc.Unsafe.park(Native Method)",
                "java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:369)",
                "java.base/java.util.concurrent.ForkJoinPool.managedBlock(ForkJoinPool.java:4310)",
                "java.base/java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
                "java.base/java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1016)"));
        assertEquals("LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)", idle.userFrame());
    }

    @Test
    @DisplayName("with only JDK frames the user frame falls back to the top frame; an empty stack gives empty text")
    void fallbacks() {
        var jdkOnly = new DumpedThread(1, "x", false, "RUNNABLE", List.of("java.base/java.lang.Thread.run(Thread.java:1)"));
        assertEquals("Thread.run(Thread.java:1)", jdkOnly.userFrame());
        assertEquals("", new DumpedThread(2, "y", false, "", List.of()).userFrame());
    }
}
