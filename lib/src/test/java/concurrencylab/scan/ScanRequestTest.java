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
        assertEquals(ScanRequest.DEFAULT_CONCURRENCY, r.concurrency());
        assertEquals(ScanRequest.DEFAULT_CONNECT_TIMEOUT, r.connectTimeout());
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
    @DisplayName("a concurrency outside 1..10000 is refused with the accepted range")
    @ValueSource(ints = {0, -1, 10_001})
    void refusesBadConcurrency(int concurrency) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanRequest.loopback("80").withConcurrency(concurrency));
        assertEquals("concurrency must be 1 to 10000, got " + concurrency, e.getMessage());
    }

    @ParameterizedTest
    @DisplayName("a timeout outside 1 ms..60 s is refused with the accepted range")
    @ValueSource(longs = {0, -5, 60_001})
    void refusesBadTimeout(long millis) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanRequest.loopback("80").withConnectTimeout(Duration.ofMillis(millis)));
        assertTrue(e.getMessage().startsWith("connectTimeout must be 1 ms to 1 min, got "), e.getMessage());
    }

    @Test
    @DisplayName("a missing timeout, port set or host is refused with a NullPointerException naming it")
    void refusesMissingFields() {
        assertEquals("connectTimeout must not be null", assertThrows(NullPointerException.class,
                () -> ScanRequest.loopback("80").withConnectTimeout(null)).getMessage());
        assertEquals("ports must not be null", assertThrows(NullPointerException.class,
                () -> ScanRequest.loopback("80").withPorts(null)).getMessage());
        assertEquals("host must not be null", assertThrows(NullPointerException.class,
                () -> new ScanRequest(null, PortSpec.of(80), 1, Duration.ofMillis(5), false)).getMessage());
    }

    @Test
    @DisplayName("the whole-scan deadline covers every port timing out, in rounds of the concurrency")
    void deadlineCoversWorstCase() {
        ScanRequest r = ScanRequest.loopback("1-1000").withConcurrency(100).withConnectTimeout(Duration.ofMillis(500));
        assertTrue(r.deadline().compareTo(Duration.ofMillis(500 * 10)) > 0);
    }
}
