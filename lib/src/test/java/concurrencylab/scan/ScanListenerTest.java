package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScanListenerTest {

    @Test
    @DisplayName("the signature line names host and port, with brackets around an IPv6 host")
    void eggLine() {
        assertEquals("[程序员晚枫] 127.0.0.1:8080 is open", ScanListener.eggLine(ScanHosts.IPV4_LOOPBACK, 8080));
        assertEquals("[程序员晚枫] [0:0:0:0:0:0:0:1]:22 is open", ScanListener.eggLine(InetAddress.ofLiteral("::1"), 22));
    }

    @Test
    @DisplayName("egg prints one line per open port to the given stream; silent prints nothing")
    void egg() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScanListener.egg(out).open(ScanHosts.IPV4_LOOPBACK, 80);
        ScanListener.silent().open(ScanHosts.IPV4_LOOPBACK, 81);
        assertEquals("[程序员晚枫] 127.0.0.1:80 is open" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
