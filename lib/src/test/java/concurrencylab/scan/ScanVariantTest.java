package concurrencylab.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScanVariantTest {

    @Test
    @DisplayName("the short names and the constant names parse, case-insensitively")
    void parses() {
        assertEquals(ScanVariant.STRUCTURED, ScanVariant.parse(" Structured "));
        assertEquals(ScanVariant.COMPLETABLE_FUTURE, ScanVariant.parse("future"));
        assertEquals(ScanVariant.COMPLETABLE_FUTURE, ScanVariant.parse("COMPLETABLE_FUTURE"));
        assertEquals(ScanVariant.EXECUTOR, ScanVariant.parse("executor"));
    }

    @Test
    @DisplayName("an unknown or missing name is rejected, listing the accepted ones")
    void rejectsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanVariant.parse("trio"));
        assertTrue(e.getMessage().contains("accepted: structured, future, executor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScanVariant.parse(null));
    }

    @ParameterizedTest
    @EnumSource(ScanVariant.class)
    @DisplayName("each variant makes a fresh scanner that names its concurrency API")
    void makesScanners(ScanVariant variant) {
        PortScanner scanner = variant.scanner();
        assertTrue(scanner.variant().matches("StructuredTaskScope|CompletableFuture|ExecutorService"));
        assertTrue(scanner != variant.scanner());
    }
}
