package concurrencylab.lab.debug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP ports this JVM is listening on, read from Linux's {@code /proc}.
 *
 * <p>A socket is this JVM's when one of {@code /proc/self/fd}'s links names its inode; it is
 * listening when {@code /proc/net/tcp} or {@code /proc/net/tcp6} lists that inode in state
 * {@code 0A} (LISTEN). Elsewhere (macOS, Windows) there is no {@code /proc}, and
 * {@link #supported()} is {@code false}: the leak check then skips ports.
 *
 * {@snippet :
 * try (var server = new java.net.ServerSocket(0)) {
 *     System.out.println(JvmListeningPorts.ofThisJvm()); // contains server.getLocalPort()
 * }
 * }
 *
 * <p>Stateless; safe to call from any thread.
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public final class JvmListeningPorts {
    private static final String LISTEN = "0A";

    private JvmListeningPorts() {
    }

    /** Returns whether this platform exposes the {@code /proc} files the check reads. */
    public static boolean supported() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Returns the ports this JVM listens on (TCP, IPv4 and IPv6), or none when unsupported. */
    public static Set<Integer> ofThisJvm() {
        if (!supported()) {
            return Set.of();
        }
        Set<Long> inodes = socketInodes();
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            ports.addAll(listening(Path.of(table), inodes));
        }
        return ports;
    }

    private static Set<Long> socketInodes() {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException closedMeanwhile) {
                    // the descriptor was closed while we listed: not a socket of ours any more
                }
            });
        } catch (IOException e) {
            return Set.of();
        }
        return inodes;
    }

    static Set<Integer> listening(Path table, Set<Long> inodes) {
        Set<Integer> ports = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return ports;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(Long.parseLong(f[9]))) {
                ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
            }
        }
        return ports;
    }
}
