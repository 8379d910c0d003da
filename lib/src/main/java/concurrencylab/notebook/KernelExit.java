package concurrencylab.notebook;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

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
     * Watches the thread named {@code main} and exits the JVM when it ends (shutdown hooks run):
     * status 0 when it returned, status 1 when it ended with an exception, which is first
     * printed on the process's own standard error (not {@code System.err}, which the kernel
     * routes to the notebook) with {@link #failureLine}. The one failure seen so far: a port in
     * the connection file taken by another process before JJava bound it (its sockets are
     * bound only after the startup scripts), which used to end the kernel silently with status
     * 0. Does nothing if there is no such thread.
     *
     * @return the watcher thread (a daemon), or null when there is no main thread
     */
    public static Thread whenMainEnds() {
        Thread main = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("main")).findFirst().orElse(null);
        if (main == null) {
            return null;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        main.setUncaughtExceptionHandler((thread, error) -> {
            failure.set(error);
            PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            stderr.println(failureLine(error));
            error.printStackTrace(stderr);
        });
        return whenEnds(main, () -> System.exit(failure.get() == null ? 0 : 1));
    }

    /**
     * The line printed when the kernel's main thread fails: what failed, and the likely cause
     * when it is a port already in use.
     */
    static String failureLine(Throwable error) {
        String text = String.valueOf(error);
        for (Throwable c = error.getCause(); c != null; c = c.getCause()) {
            text += "; caused by " + c;
        }
        boolean portTaken = text.contains("in use") || text.contains("EADDRINUSE") || text.contains("Errno 48")
                || text.contains("Errno 98");
        return "course kernel: the kernel stopped before it could serve Jupyter: " + text
                + (portTaken ? " (a port of the connection file was taken by another process before the kernel"
                        + " bound it; Jupyter's restarter starts the kernel again, on new ports if it died within"
                        + " KernelRestarter.stable_start_time)" : "");
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
