package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.lab.ports.SilentListeners;
import concurrencylab.tasks.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Linux FFM probe; skipped elsewhere. (Without --enable-native-access the JVM prints a warning once.) */
class NativeConnectorTest {
    private static final long SHORT = Duration.ofMillis(200).toNanos();

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(NativeConnector.available(), "the native probe runs on Linux x86-64/AArch64 only");
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(Loopback.IPV4, port);
    }

    @Test
    @DisplayName("one session tells open, closed and filtered apart while reusing its socket across refusals")
    void classifiesWithinOneSession() throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 2); SilentListeners silent = SilentListeners.open(1);
                Connector.Session session = new NativeConnector(NioConnector.DEFAULT).session()) {
            int closedA = Ports.closedPort();
            int closedB = Ports.closedPort();
            assertEquals(Connector.Probe.CLOSED, session.probe(loopback(closedA), SHORT));
            assertEquals(Connector.Probe.CLOSED, session.probe(loopback(closedB), SHORT));
            assertEquals(Connector.Probe.OPEN, session.probe(loopback(planted.ports().get(0)), SHORT));
            assertEquals(Connector.Probe.CLOSED, session.probe(loopback(closedA), SHORT));
            assertEquals(Connector.Probe.FILTERED, session.probe(loopback(silent.ports()[0]), SHORT));
            assertEquals(Connector.Probe.OPEN, session.probe(loopback(planted.ports().get(1)), SHORT));
            assertEquals(Connector.Probe.CLOSED, session.probe(loopback(closedB), SHORT));
        }
    }

    @Test
    @DisplayName("closing a session closes its socket: the process holds no more descriptors than before")
    void sessionLeavesNoDescriptor() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds));
        try (PlantedListeners planted = PlantedListeners.open(0, 1)) {
            int closed = Ports.closedPort();
            NativeConnector connector = new NativeConnector(NioConnector.DEFAULT);
            connector.probe(loopback(closed), SHORT); // first use binds the functions
            // The count is the whole test JVM's: another test's worker JVM may still be closing its
            // pipes. A session that kept its socket would add one descriptor per session, 50 in all;
            // a few descriptors of background work cannot reach that.
            int sessions = 50;
            long before = count(fds);
            for (int i = 0; i < sessions; i++) {
                try (Connector.Session session = connector.session()) {
                    session.probe(loopback(closed), SHORT);
                    session.probe(loopback(planted.ports().get(0)), SHORT);
                    session.probe(loopback(closed), SHORT);
                }
            }
            long growth = count(fds) - before;
            assertTrue(growth < sessions / 5, "after " + sessions + " closed sessions the process holds "
                    + growth + " more descriptors (one per session would be a leak)");
        }
    }

    private static long count(Path fds) throws IOException {
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
