package concurrencylab.kernel.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course kernel's main class: holds the five ports of the kernel's connection file until
 * JJava binds them, then runs JJava's own main.
 *
 * <p>Why: Jupyter picks a kernel's ports and connects its sockets to them as soon as it starts
 * the JVM, and ZeroMQ retries a refused connection every 100 ms. JJava binds its ports only at
 * the end of its start (after JShell and the startup script: about 1.5 s alone, 30 to 45 s when
 * a class of 20 starts at once on 2 cores). On loopback, a connection retried to a port that
 * nobody listens on can be given that very port as its own local port, and then it connects to
 * itself (TCP self-connect): the port is taken, the kernel cannot bind it and ends, and each
 * restart on new ports can meet the same fate (`./course bench class`: one kernel in 20, five
 * restarts in a row). A port held by a listening socket is never handed out as a local port, so
 * this class listens on the five ports from the first milliseconds of the JVM, and lets them go
 * when the startup script calls {@code CourseKernel.start()}, its last line, right before JJava
 * binds (the release is a {@link Runnable} left in the system properties under
 * {@link #RELEASE_KEY}: the startup script runs in JShell's class loader, which cannot see this
 * class). If nothing releases them within {@link #RELEASE_AFTER_MINUTES} minutes, they are
 * let go anyway.
 *
 * <p>Compiled on its own into the kernel's folder by {@code kernel-setup/install_kernel.py},
 * beside {@code jjava.jar}: only this class is on the JVM's class path, not the course library,
 * whose classes the notebooks load through JShell.
 */
public final class PortGuard {
    /** The system property under which the release {@link Runnable} waits. */
    public static final String RELEASE_KEY = "concurrencylab.kernel.releasePorts";
    /** At most this long the ports are held if nothing releases them. */
    static final long RELEASE_AFTER_MINUTES = 10;
    private static final Pattern PORT = Pattern.compile("\"(shell|iopub|stdin|control|hb)_port\"\\s*:\\s*(\\d+)");
    private static final Pattern IP = Pattern.compile("\"ip\"\\s*:\\s*\"([^\"]+)\"");

    private PortGuard() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1) {
            Runnable release = hold(Path.of(args[0]));
            System.getProperties().put(RELEASE_KEY, release);
            Thread.ofPlatform().daemon().name("course-port-guard").start(() -> {
                try {
                    TimeUnit.MINUTES.sleep(RELEASE_AFTER_MINUTES);
                } catch (InterruptedException e) {
                    return;
                }
                release.run();
            });
        }
        org.dflib.jjava.distro.JJava.main(args);
    }

    /** Listens on every port of the connection file that is free; returns what lets them go. */
    static Runnable hold(Path connectionFile) {
        List<ServerSocket> held = new ArrayList<>();
        String json;
        try {
            json = Files.readString(connectionFile);
        } catch (IOException e) {
            return () -> { };   // JJava reports a missing or unreadable file itself
        }
        Matcher ip = IP.matcher(json);
        String host = ip.find() ? ip.group(1) : "127.0.0.1";
        Matcher port = PORT.matcher(json);
        while (port.find()) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, Integer.parseInt(port.group(2))), 64);
                held.add(socket);
            } catch (IOException | IllegalArgumentException e) {
                // taken already, or not a port: JJava's own bind says so
            }
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                for (ServerSocket socket : held) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closing a listening socket does not fail in practice; nothing to undo
                    }
                }
            }
        };
    }
}
