package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanRequestTest {

    @ParameterizedTest
    @DisplayName("loopback hosts are accepted without the opt-in")
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", " LOCALHOST "})
    void acceptsLoopback(String host) {
        ScanRequest r = ScanRequest.of(host, "1-10");
        assertTrue(r.host().isLoopbackAddress());
        assertEquals(ScanRequest.DEFAULT_LIMIT, r.limit());
        assertEquals(ScanRequest.DEFAULT_TIMEOUT, r.timeout());
    }

    @ParameterizedTest
    @DisplayName("a non-loopback IP literal is refused without the opt-in, naming the rule")
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "2001:db8::1", "::"})
    void refusesRemoteLiteral(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanRequest.of(host, "80"));
        assertTrue(e.getMessage().contains("is not a loopback address"), e.getMessage());
        assertTrue(e.getMessage().contains("scanning hosts you do not own is not allowed"), e.getMessage());
    }

    @Test
    @DisplayName("the record's own constructor refuses a non-loopback address without the opt-in")
    void constructorRefusesRemote() {
        InetAddress testNet = InetAddress.ofLiteral("192.0.2.1");
        assertThrows(IllegalArgumentException.class,
                () -> new ScanRequest(testNet, PortSpec.of(80), 10, Duration.ofMillis(100), false));
        // With the opt-in the request is valid; this test never scans it.
        assertEquals(testNet, new ScanRequest(testNet, PortSpec.of(80), 10, Duration.ofMillis(100), true).host());
    }

    @Test
    @DisplayName("a host name other than localhost is refused without being resolved")
    void refusesNamesWithoutResolving() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanRequest.of("scanme.example", "80"));
        assertTrue(e.getMessage().contains("it was not resolved"), e.getMessage());
    }

    @ParameterizedTest
    @DisplayName("an empty host is refused")
    @ValueSource(strings = {"", "   "})
    void refusesEmptyHost(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanRequest.of(host, "80"));
        assertTrue(e.getMessage().contains("host is empty"), e.getMessage());
    }

    @ParameterizedTest
    @DisplayName("a limit outside 1..10000 is refused with the accepted range")
    @ValueSource(ints = {0, -1, 10_001})
    void refusesBadLimit(int limit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanRequest.loopback("80").withLimit(limit));
        assertEquals("limit " + limit + " is out of range; accepted: 1..10000 concurrent connects", e.getMessage());
    }

    @ParameterizedTest
    @DisplayName("a timeout outside 1 ms..60 s is refused with the accepted range")
    @ValueSource(longs = {0, -5, 60_001})
    void refusesBadTimeout(long millis) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanRequest.loopback("80").withTimeout(Duration.ofMillis(millis)));
        assertTrue(e.getMessage().contains("accepted: 1..60000 ms per connect"), e.getMessage());
    }

    @Test
    @DisplayName("a missing timeout, port set or host is refused with a message, not a NullPointerException")
    void refusesMissingFields() {
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.loopback("80").withTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.loopback("80").withPorts(null));
        assertThrows(IllegalArgumentException.class,
                () -> new ScanRequest(null, PortSpec.of(80), 1, Duration.ofMillis(5), false));
    }

    @Test
    @DisplayName("the whole-scan deadline covers every port timing out, in rounds of the limit")
    void deadlineCoversWorstCase() {
        ScanRequest r = ScanRequest.loopback("1-1000").withLimit(100).withTimeout(Duration.ofMillis(500));
        assertTrue(r.deadline().compareTo(Duration.ofMillis(500 * 10)) > 0);
    }
}
