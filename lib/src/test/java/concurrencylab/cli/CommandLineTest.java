package concurrencylab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link CommandLine}, the one parser of every command: defaults, a later --out wins, bad
 * values named with what is accepted, switches, a positional, pass-through pairs.
 */
class CommandLineTest {

    private static final CommandLine RUNS = CommandLine.command("./course bench test", "A test command.")
            .out("where the CSV files go")
            .number("--runs", 5, 1, 100, "timed runs");

    private static CommandLine.Parsed parse(CommandLine cli, String... args) {
        return cli.parse(args);
    }

    @Test
    @DisplayName("defaults apply, and a later --out overrides an earlier one (the course script passes its own first)")
    void defaultsAndLaterOutWins() {
        CommandLine.Parsed a = parse(RUNS, "--out", "build/bench", "--out", "datasets/reference");
        assertEquals(Path.of("datasets/reference"), a.out());
        assertEquals(5, a.number("--runs"));
        assertEquals(7, parse(RUNS, "--runs", "7").number("--runs"));
        assertEquals(Path.of("build/bench"), parse(RUNS).out());
        assertTrue(parse(RUNS, "--help").help());
        assertTrue(parse(RUNS, "-h").help());
    }

    @Test
    @DisplayName("an out-of-range number, a non-number, a missing value and an unknown option are rejected clearly")
    void badValuesRejected() {
        var range = assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--runs", "0"));
        assertTrue(range.getMessage().contains("--runs '0'") && range.getMessage().contains("1..100"), range.getMessage());
        var notANumber = assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--runs", "five"));
        assertTrue(notANumber.getMessage().contains("'five' is not a whole number; accepted: 1..100"),
                notANumber.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--runs"));
        assertTrue(missing.getMessage().contains("option --runs needs a value; accepted: 1..100"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--out"));
        assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--out", " "));
        var unknown = assertThrows(IllegalArgumentException.class, () -> parse(RUNS, "--fast"));
        assertTrue(unknown.getMessage().contains("--fast") && unknown.getMessage().contains("--runs N"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("accepted: --out DIR"), unknown.getMessage());
        assertTrue(RUNS.usage().contains("--runs N"));
    }

    @Test
    @DisplayName("the usage names every option with its range and default, and the footer")
    void usageListsEveryOption() {
        String usage = RUNS.footer("Exit status: 0 ran.").usage();
        assertTrue(usage.startsWith("Usage: ./course bench test [--out DIR] [--runs N]\nA test command."), usage);
        assertTrue(usage.contains("timed runs, 1..100 (default 5)"), usage);
        assertTrue(usage.contains("(default build/bench)"), usage);
        assertTrue(usage.contains("--help"), usage);
        assertTrue(usage.endsWith("Exit status: 0 ran.\n"), usage);
    }

    @Test
    @DisplayName("the web benchmarks' numbers: in range, out of range, unknown flags")
    void webBenchNumbersValidate() {
        var cli = CommandLine.command("./course bench web", "Web.").out("csv").number("--runs", 5, 1, 50, "runs");
        var args = cli.parse(new String[] {"--runs", "3"});
        assertEquals(3, args.number("--runs"));
        assertEquals(Path.of("build/bench"), args.out());
        var e = assertThrows(IllegalArgumentException.class, () -> cli.parse(new String[] {"--runs", "0"}));
        assertTrue(e.getMessage().contains("1..50"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cli.parse(new String[] {"--nope", "1"}))
                .getMessage().contains("unknown"));
    }

    @Test
    @DisplayName("switches, text options, one positional: a missing or second positional is named")
    void switchesTextAndPositional() {
        var cli = CommandLine.command("./course scan", "Scan.").text("--ports", "SPEC", "1-1024", "ports")
                .flag("--json", "json").positional("HOST", "one loopback host, e.g. 127.0.0.1", "the host");
        var a = cli.parse(new String[] {"--json", "127.0.0.1"});
        assertTrue(a.flag("--json"));
        assertEquals("1-1024", a.text("--ports"));
        assertEquals("127.0.0.1", a.positional());
        assertFalse(cli.parse(new String[] {"::1"}).flag("--json"));
        var none = assertThrows(IllegalArgumentException.class, () -> cli.parse(new String[0]));
        assertEquals("no HOST given; accepted: one loopback host, e.g. 127.0.0.1", none.getMessage());
        var two = assertThrows(IllegalArgumentException.class, () -> cli.parse(new String[] {"a", "b"}));
        assertEquals("more than one host ('a', 'b'); accepted: exactly one HOST", two.getMessage());
        var stray = assertThrows(IllegalArgumentException.class, () -> RUNS.parse(new String[] {"extra"}));
        assertTrue(stray.getMessage().contains("unexpected argument 'extra'"), stray.getMessage());
    }

    @Test
    @DisplayName("a range the library checks: the parser only asks for a whole number")
    void rangeCheckedByTheLibrary() {
        var cli = CommandLine.command("./course scan", "Scan.").numberCheckedBy("--limit", "N", 500, 1, 10_000, "limit");
        assertEquals(0, cli.parse(new String[] {"--limit", "0"}).number("--limit"));
        var e = assertThrows(IllegalArgumentException.class, () -> cli.parse(new String[] {"--limit", "many"}));
        assertEquals("--limit 'many' is not a whole number; accepted: 1..10000", e.getMessage());
    }

    @Test
    @DisplayName("pass-through pairs keep their order; a required --out is named when missing")
    void passThroughAndRequiredOut() {
        var jmh = CommandLine.command("./course bench jmh", "JMH.").out("csv").passThrough("JMH options");
        assertEquals(List.of("-i", "5", "-r", "1s"), jmh.parse(new String[] {"-i", "5", "--out", "x", "-r", "1s"})
                .passThrough());
        var odd = assertThrows(IllegalArgumentException.class, () -> jmh.parse(new String[] {"-i"}));
        assertTrue(odd.getMessage().contains("needs a value; accepted: JMH options given as pairs"), odd.getMessage());
        var required = CommandLine.command("./course bench p", "P.").requiredOut("csv");
        var e = assertThrows(IllegalArgumentException.class, () -> required.parse(new String[0]));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        assertTrue(required.parse(new String[] {"--help"}).help(), "help needs no --out");
    }

    @Test
    @DisplayName("a declaration mistake (a default outside its range, a name twice) fails at once")
    void declarationMistakes() {
        assertThrows(IllegalStateException.class,
                () -> CommandLine.command("x", "x").number("--runs", 0, 1, 10, "runs"));
        assertThrows(IllegalStateException.class, () -> RUNS.number("--runs", 5, 1, 100, "again"));
    }
}
