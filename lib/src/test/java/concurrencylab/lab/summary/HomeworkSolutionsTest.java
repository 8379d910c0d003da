package concurrencylab.lab.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HomeworkSolutionsTest {

    private static final String OUTPUT = """
            noise before the sections is ignored
            @@section timing
            Scanner,Ports,Open,Processes,Millis
            virtual threads,10,2,1,5.5
            hybrid,10,2,2,900.0
            @@end
            @@section api
            Variant,Lines,Cancellation,Error handling
            StructuredTaskScope,19,automatic,FailedException
            @@end
            @@section html
            <pre>logo</pre>
            @@end
            @@section ansi
            \u001B[31mlogo\u001B[0m
            @@end
            """;

    @Test
    @DisplayName("parse reads the showcase's sections back into tables and strings")
    void parseReadsEverySection() {
        var shown = HomeworkSolutions.parse(OUTPUT);
        assertEquals(2, shown.timing().rowCount());
        assertEquals("hybrid", shown.timing().stringColumn("Scanner").get(1));
        assertEquals(1, shown.api().rowCount());
        assertEquals("<pre>logo</pre>", shown.logoHtml());
        assertEquals("\u001B[31mlogo\u001B[0m", shown.logoAnsi());
    }

    @Test
    @DisplayName("parse refuses output with a section missing, quoting the output")
    void parseRefusesMissingSections() {
        var e = assertThrows(IllegalStateException.class, () -> HomeworkSolutions.parse("@@section timing\na\n@@end\n"));
        assertTrue(e.getMessage().contains("'api'"), e.getMessage());
    }

    @Test
    @DisplayName("run refuses a timeout that is not positive, and a last port outside 1..65535")
    void runRefusesNonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> HomeworkSolutions.run(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> HomeworkSolutions.run(Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> HomeworkSolutions.run(Duration.ofMinutes(1), 65_536));
    }
}
