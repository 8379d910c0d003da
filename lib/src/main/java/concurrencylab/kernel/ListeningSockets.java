package concurrencylab.kernel;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listening TCP sockets of this JVM, by socket inode, read from Linux's {@code /proc}; and
 * a last resort to stop one whose owner cannot be reached.
 *
 * <p>A socket is this JVM's when a link in {@code /proc/self/fd} names its inode, and listening
 * when {@code /proc/net/tcp} or {@code tcp6} lists the inode in state {@code 0A}. Inodes, not
 * ports, identify a socket: a port closed and opened again is a new socket. Elsewhere than
 * Linux nothing is found and nothing is stopped.
 *
 * <p>{@link #stopListening(long)} calls the C library's {@code shutdown(fd, SHUT_RDWR)} through
 * the foreign-function API: the socket leaves the LISTEN state, the port is free again and a
 * thread blocked in {@code accept} wakes with an exception. The Java object keeps its file
 * descriptor until its owner closes it. It re-reads the descriptor's link immediately before
 * the call, so a descriptor number that was closed and reused in between is left alone.
 *
 * <p>Stateless; thread-safe.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";
    private static final int SHUT_RDWR = 2;
    private static final Path FDS = Path.of("/proc/self/fd");

    private ListeningSockets() {
    }

    /** Returns the inodes of this JVM's listening TCP sockets (IPv4 and IPv6), empty off Linux. */
    static Set<Long> inodes() {
        return byInode().keySet();
    }

    /** Returns this JVM's listening sockets: inode to port. */
    static Map<Long, Integer> byInode() {
        Map<Long, Integer> listening = new HashMap<>();
        if (!Files.isDirectory(FDS)) {
            return listening;
        }
        Set<Long> mine = socketFds().keySet();
        if (mine.isEmpty()) {
            return listening;
        }
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 10 || !LISTEN.equals(f[3])) {
                    continue;
                }
                try {
                    long inode = Long.parseLong(f[9]);
                    if (mine.contains(inode)) {
                        String local = f[1];
                        listening.put(inode, Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                } catch (NumberFormatException ignored) {
                    // a malformed line: not ours to judge
                }
            }
        }
        return listening;
    }

    /** Returns socket inode to file descriptor number for this JVM. */
    private static Map<Long, Integer> socketFds() {
        Map<Long, Integer> out = new HashMap<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0) {
                    try {
                        out.put(inode, Integer.parseInt(fd.getFileName().toString()));
                    } catch (NumberFormatException ignored) {
                        // not a descriptor entry
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring(8, target.length() - 1));
            }
        } catch (IOException | RuntimeException gone) {
            // closed meanwhile
        }
        return -1;
    }

    /**
     * Stops the listening socket with this inode ({@code shutdown(2)} on its descriptor).
     *
     * @return whether the call was made and succeeded
     */
    static boolean stopListening(long inode) {
        MethodHandle shutdown = Native.SHUTDOWN;
        if (shutdown == null) {
            return false;
        }
        Integer fd = socketFds().get(inode);
        if (fd == null || socketInode(FDS.resolve(Integer.toString(fd))) != inode) {
            return false;
        }
        try {
            return (int) shutdown.invokeExact(fd.intValue(), SHUT_RDWR) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** The C library's shutdown(2), looked up on first use; null where it cannot be called. */
    private static final class Native {
        static final MethodHandle SHUTDOWN = lookup();

        private static MethodHandle lookup() {
            try {
                Linker linker = Linker.nativeLinker();
                return linker.defaultLookup().find("shutdown")
                        .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(
                                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                        .orElse(null);
            } catch (RuntimeException | Error e) {
                return null;
            }
        }
    }

    /** For messages: the ports of the given inodes, as far as they are still known. */
    static Set<Integer> ports(Set<Long> inodes, Map<Long, Integer> known) {
        Set<Integer> out = new HashSet<>();
        for (long inode : inodes) {
            Integer port = known.get(inode);
            if (port != null) {
                out.add(port);
            }
        }
        return out;
    }
}
