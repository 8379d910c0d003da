package concurrencylab.tasks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
