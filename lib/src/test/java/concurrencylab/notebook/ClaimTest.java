package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClaimTest {

    @Test
    void anUpperBoundHoldsUpToItsSlackAndNoFurther() {
        var claim = Claim.atMost("about one latency", 0.118, "s").bound(0.1, "one latency").slack(1.2);
        assertEquals(1.18, claim.ratio(), 1e-9);
        assertTrue(claim.holds());
        assertFalse(claim.slack(1.1).holds());
    }

    @Test
    void aLowerBoundComparesTheOtherWay() {
        var speedUp = Claim.atLeast("two threads at least 1.5 x faster", 1.9, "x").bound(1.5, "1.5 x");
        assertTrue(speedUp.holds());
        assertFalse(Claim.atLeast("two threads at least 1.5 x faster", 1.0, "x").bound(1.5, "1.5 x").holds());
    }

    @Test
    void theReportGivesMeasuredBoundRatioReferenceAndVerdict() {
        String report = Claim.atMost("downloads take one latency", 0.25, "s").bound(0.1, "one latency")
                .slack(2.0).reference(0.112).report();
        assertTrue(report.startsWith("claim: downloads take one latency\n"), report);
        assertTrue(report.contains("measured 0.250 s · bound 0.100 s (one latency) · ratio 2.50"), report);
        assertTrue(report.contains("MISSED on this run"), report);
        assertTrue(report.contains("reference run 0.112 s (1.12 x)"), report);
        assertTrue(report.contains("reading: this JVM may use"), report);
    }

    @Test
    void aClaimThatHoldsHasNoMachineReading() {
        String report = Claim.atMost("fast", 1.0, "s").bound(2.0, "two seconds").report();
        assertTrue(report.contains("· holds"), report);
        assertFalse(report.contains("reading:"), report);
    }

    @Test
    void badValuesAreRejectedWithWhatIsAccepted() {
        var e = assertThrows(IllegalArgumentException.class, () -> Claim.atMost("x", 1, "s").slack(0.5));
        assertEquals("slack must be a factor of at least 1, got 0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Claim.atMost("x", Double.NaN, "s"));
        assertThrows(IllegalArgumentException.class, () -> Claim.atMost("x", 1, "s").bound(0, "zero"));
        var noBound = assertThrows(IllegalStateException.class, () -> Claim.atMost("x", 1, "s").holds());
        assertTrue(noBound.getMessage().contains("has no bound yet"));
    }

    @Test
    void showPrintsTheReportAndHoldsGivesTheVerdict() {
        var claim = Claim.atMost("downloads take one latency", 0.25, "s").bound(0.1, "one latency").slack(2.0);
        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            claim.show();
        } finally {
            System.setOut(out);
        }
        assertEquals(claim.report() + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
        assertFalse(claim.holds());
    }
}
