package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concurrencylab.tasks.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScanListenerTest {

    @Test
    @DisplayName("the signature line names host and port, with brackets around an IPv6 host")
    void signedLine() {
        assertEquals("[程序员晚枫] 127.0.0.1:8080 is open", ScanListener.signedLine(Loopback.IPV4, 8080));
        assertEquals("[程序员晚枫] [0:0:0:0:0:0:0:1]:22 is open", ScanListener.signedLine(InetAddress.ofLiteral("::1"), 22));
    }

    @Test
    @DisplayName("printing prints one signed line per open port to the given stream; silent prints nothing")
    void printing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScanListener.printing(out).open(Loopback.IPV4, 80);
        ScanListener.silent().open(Loopback.IPV4, 81);
        assertEquals("[程序员晚枫] 127.0.0.1:80 is open" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
