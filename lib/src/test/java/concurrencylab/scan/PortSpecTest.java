package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {

    @Test
    @DisplayName("a spec of ranges and single ports is parsed, merged and printed back collapsed")
    void parsesRangesAndPorts() {
        PortSpec spec = PortSpec.parse(" 1-3, 8080,2-5 ,80");
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 80, 8080}, spec.toArray());
        assertEquals("1-5,80,8080", spec.toString());
        assertEquals(PortSpec.parse("1-5,80,8080"), spec);
        assertEquals(1025, PortSpec.parse("1-1024,8080").size());
    }

    @Test
    @DisplayName("all() has 65535 ports and without() removes the ones given")
    void allAndWithout() {
        PortSpec spec = PortSpec.all().without(2024, 70_000);
        assertEquals(65_534, spec.size());
        assertFalse(spec.contains(2024));
        assertTrue(spec.contains(1) && spec.contains(65_535));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is rejected with ''{1}''")
    @DisplayName("every malformed spec is rejected, saying what was wrong and what is accepted")
    @CsvSource(delimiter = '|', value = {
        "''            | port spec is empty",
        "'  '          | port spec is empty",
        "0             | port 0 is out of range",
        "65536         | port 65536 is out of range",
        "1-70000       | port 70000 is out of range",
        "5-1           | is reversed (5 > 1)",
        "1-            | is not a port number",
        "-5            | is not a port number",
        "http          | 'http' in port spec 'http' is not a port number",
        "1,,2          | has an empty item",
        "'80,'         | has an empty item",
        "1-2-3         | '2-3' in port spec '1-2-3' is not a port number",
        "'１２'         | is not a port number",
        "99999999999   | is not a port number",
    })
    void rejectsBadSpecs(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSpec.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("accepted: ports 1..65535"), e.getMessage());
    }

    @Test
    @DisplayName("null, out-of-range single ports and excluding everything are rejected")
    void rejectsOtherBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PortSpec.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PortSpec.of());
        assertThrows(IllegalArgumentException.class, () -> PortSpec.of(0));
        assertThrows(IllegalArgumentException.class, () -> PortSpec.range(10, 9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSpec.of(80).without(80));
        assertTrue(e.getMessage().contains("leaves no port"), e.getMessage());
    }
}
