package concurrencylab.cli;

import concurrencylab.lab.ports.PlantedListeners;
import concurrencylab.scan.Connector;
import concurrencylab.scan.NioConnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Connector counting = (target, nanos) -> {
        attempts.incrementAndGet();
        return NioConnector.DEFAULT.probe(target, nanos);
    };

    private int run(String... args) throws InterruptedException {
        return ScanCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), counting);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--help prints the usage and exits 0 without scanning")
    void help() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("Usage: ./course scan"), out());
        assertEquals(0, attempts.get());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @DisplayName("every bad argument exits 2 with a message saying what is accepted, and nothing is sent")
    @CsvSource(delimiter = '|', value = {
        "''                                  | no HOST given",
        "127.0.0.1 ::1                       | more than one host",
        "--ports 5-1 127.0.0.1               | is reversed",
        "--ports 1,,2 127.0.0.1              | has an empty item",
        "--ports 70000 127.0.0.1             | port 70000 is out of range",
        "--limit 0 127.0.0.1                 | concurrency must be 1 to 10000, got 0",
        "--limit many 127.0.0.1              | --limit 'many' is not a whole number",
        "--timeout 0 127.0.0.1               | connectTimeout must be 1 ms to 1 min, got 0 s",
        "--timeout 127.0.0.1                 | --timeout '127.0.0.1' is not a whole number",
        "--variant trio 127.0.0.1            | unknown scanner variant 'trio'",
        "--bogus 127.0.0.1                   | unknown option '--bogus'",
        "--ports                             | option --ports needs a value",
        "192.0.2.1                           | host 192.0.2.1 is not a loopback address",
        "--ports 80 scanme.example           | it was not resolved",
    })
    void rejectsBadArguments(String line, String expected) throws Exception {
        String[] args = line.isBlank() ? new String[0] : line.trim().split("\\s+");
        assertEquals(2, run(args));
        assertTrue(err().contains(expected), err());
        assertTrue(err().contains("accepted") || err().contains(" must be ") || err().contains("needs a value"), err());
        assertEquals(0, attempts.get(), "a connect was attempted for bad arguments");
    }

    @Test
    @DisplayName("a text scan prints the signature line per open port, the open ports and the elapsed time")
    void textScan() throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 2)) {
            String ports = planted.ports().get(0) + "," + planted.ports().get(1);
            assertEquals(0, run("--ports", ports, "127.0.0.1"));
            for (int port : planted.ports()) {
                assertTrue(out().contains("[程序员晚枫] 127.0.0.1:" + port + " is open"), out());
            }
            assertTrue(out().contains("open ports on 127.0.0.1: " + planted.ports()), out());
            assertTrue(out().contains("2 ports scanned in"), out());
            assertEquals(2, attempts.get());
        }
    }

    @Test
    @DisplayName("--json prints one JSON object with the open ports and no signature lines")
    void jsonScan() throws Exception {
        try (PlantedListeners planted = PlantedListeners.open(0, 1)) {
            int port = planted.ports().get(0);
            assertEquals(0, run("--json", "--variant", "executor", "--ports", Integer.toString(port), "localhost"));
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
            assertEquals(port, json.get("open").get(0).asInt());
            assertEquals("ExecutorService", json.get("variant").asText());
            assertTrue(json.get("elapsedSeconds").isNumber());
        }
    }
}
