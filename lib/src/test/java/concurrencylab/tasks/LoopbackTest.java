package concurrencylab.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "::1", "[::1]"})
    void loopbackHostsPass(String host) {
        assertTrue(Loopback.isLoopbackHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.1", "192.168.1.1", "[2001:db8::1]", "example.org", "localhost.example.org", "[::1"})
    void everythingElseIsRefusedWithoutALookup(String host) {
        assertFalse(Loopback.isLoopbackHost(host), host);
    }

    @Test
    void nullIsNotLoopback() {
        assertFalse(Loopback.isLoopbackHost(null));
    }

    @Test
    void literalSpellsAddressesWithoutALookup() {
        assertEquals(Optional.of(Loopback.IPV4), Loopback.literal(" LocalHost "));
        assertEquals(Optional.of(InetAddress.ofLiteral("::1")), Loopback.literal("[::1]"));
        assertEquals(Optional.of(InetAddress.ofLiteral("192.0.2.1")), Loopback.literal("192.0.2.1"));
        assertEquals(Optional.empty(), Loopback.literal("example.org"));
        assertEquals(Optional.empty(), Loopback.literal(null));
    }

    @Test
    void requireUrlAcceptsHttpOnLoopbackOnly() {
        URI ok = URI.create("https://127.0.0.1:8443/x");
        assertSame(ok, Loopback.requireUrl("start", ok));
        assertEquals("start must be an http:// or https:// URL, got 'ftp://127.0.0.1/x'", assertThrows(
                IllegalArgumentException.class, () -> Loopback.requireUrl("start", URI.create("ftp://127.0.0.1/x"))).getMessage());
        String remote = assertThrows(IllegalArgumentException.class,
                () -> Loopback.requireUrl("start", URI.create("http://example.org/"))).getMessage();
        assertTrue(remote.startsWith("start must be a URL on loopback (localhost, 127.0.0.0/8, [::1])"), remote);
        assertTrue(remote.endsWith("got 'http://example.org/'"), remote);
        assertEquals("start must not be null",
                assertThrows(NullPointerException.class, () -> Loopback.requireUrl("start", null)).getMessage());
    }
}
