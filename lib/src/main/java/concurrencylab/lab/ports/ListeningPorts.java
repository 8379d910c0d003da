package concurrencylab.lab.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP ports something on this machine listens on, read from Linux's {@code /proc/net/tcp}
 * and {@code /proc/net/tcp6} (any local address). Used by the benchmark to tell other programs'
 * listeners from scanner mistakes. Stateless and thread-safe.
 */
public final class ListeningPorts {
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    /** Returns the listening ports, or empty where {@code /proc/net/tcp} does not exist. */
    public static Optional<Set<Integer>> snapshot() {
        Path v4 = Path.of("/proc/net/tcp");
        if (!Files.isReadable(v4)) {
            return Optional.empty();
        }
        Set<Integer> ports = new TreeSet<>();
        try {
            read(v4, ports);
            Path v6 = Path.of("/proc/net/tcp6");
            if (Files.isReadable(v6)) {
                read(v6, ports);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(ports);
    }

    private static void read(Path table, Set<Integer> into) throws IOException {
        for (String line : Files.readAllLines(table).stream().skip(1).toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length > 3 && f[3].equals(LISTEN)) {
                String local = f[1];
                into.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
            }
        }
    }
}
