package concurrencylab.notebook;

/**
 * Ends the kernel's JVM as soon as the kernel's main thread has returned. JJava's main thread
 * returns when Jupyter asks the kernel to shut down or restart, but its cell-execution pool
 * keeps a non-daemon thread alive for up to a minute after the last cell, so the JVM lingered
 * until Jupyter gave up waiting and sent SIGTERM ({@code datasets/reference/MACHINE.md},
 * section "Kernel", has the times before and after). Called once
 * by the kernel's startup ({@link CourseKernel#start()}); compiled here rather
 * than there, so that the kernel start does not pay JShell to compile it. Thread-safe.
 */
public final class KernelExit {
    private KernelExit() {
    }

    /**
     * Watches the thread named {@code main} and exits the JVM (status 0, shutdown hooks run)
     * when it ends; does nothing if there is no such thread.
     *
     * @return the watcher thread (a daemon), or null when there is no main thread
     */
    public static Thread whenMainEnds() {
        Thread main = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("main")).findFirst().orElse(null);
        return main == null ? null : whenEnds(main, () -> System.exit(0));
    }

    /** Runs {@code exit} on a new daemon thread once {@code watched} has ended. */
    static Thread whenEnds(Thread watched, Runnable exit) {
        return Thread.ofPlatform().daemon().name("course-exit-when-kernel-ends").start(() -> {
            try {
                watched.join();
            } catch (InterruptedException e) {
                return; // nobody interrupts it; if someone does, stop watching
            }
            exit.run();
        });
    }
}
