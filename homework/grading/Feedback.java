import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a student reads after {@code ./course grade --feedback DIR}: a self-contained
 * HTML page per attempt (inline CSS, no script, nothing fetched) and a Markdown summary, the
 * one CI puts on the job's summary page.
 *
 * <p>In DIR: {@code attempt-N.html} (kept, one per run), {@code feedback.html} (the latest
 * attempt), {@code summary.md} (the latest attempt, Markdown) and {@code attempts.tsv} (one
 * line per attempt, the history the page shows). Hints come from {@code hints.md} beside this
 * file: a {@code ## } heading names a test (as the report names it, without the variant a
 * parameterized test appends) or a SpotBugs bug type, the text below it is the hint.
 *
 * <p>The page marks its parts with data attributes (data-status, data-test, data-type,
 * data-file, data-line) so checks/check_feedback.py can read what a student sees.
 */
final class Feedback {

    private static final String HISTORY = "attempts.tsv";
    private static final int MESSAGE_LIMIT = 4000;

    private final GradeReport.Result result;
    private final Path src;
    private final String caseName;
    private final String commit;
    private final Map<String, String> hints;

    Feedback(GradeReport.Result result, Path src, String caseName, String commit, Path hintsFile) throws IOException {
        this.result = result;
        this.src = src;
        this.caseName = caseName;
        this.commit = commit;
        this.hints = readHints(hintsFile);
    }

    /** Writes this attempt's files into {@code dir}; returns the path of feedback.html. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path historyFile = dir.resolve(HISTORY);
        List<String[]> earlier = new ArrayList<>();
        if (Files.exists(historyFile)) {
            for (String line : Files.readAllLines(historyFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 5 && f[0].matches("\\d+")) {
                    earlier.add(f);
                }
            }
        }
        int attempt = earlier.stream().mapToInt(f -> Integer.parseInt(f[0])).max().orElse(0) + 1;
        String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String html = html(attempt, when, earlier);
        Files.writeString(dir.resolve("attempt-" + attempt + ".html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("feedback.html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), markdown(attempt, when), StandardCharsets.UTF_8);
        String row = String.join("\t", String.valueOf(attempt), when, caseName,
                result.passed() + "/" + result.parts().size(), testsPassed()) + "\n";
        Files.writeString(historyFile, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return dir.resolve("feedback.html");
    }

    private String testsPassed() {
        long passed = 0;
        long total = 0;
        for (GradeReport.Part part : result.parts()) {
            total += part.tests().size();
            passed += part.tests().stream().filter(GradeReport.TestCase::passed).count();
        }
        return passed + "/" + total + " tests";
    }

    // ---- hints ------------------------------------------------------------------------------

    static Map<String, String> readHints(Path file) throws IOException {
        Map<String, String> hints = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return hints;
        }
        String key = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                put(hints, key, text);
                key = line.substring(3).strip();
                text.setLength(0);
            } else if (key != null && !line.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        put(hints, key, text);
        return hints;
    }

    private static void put(Map<String, String> hints, String key, StringBuilder text) {
        if (key != null && !text.isEmpty()) {
            hints.put(key, text.toString());
        }
    }

    /** The hint for a test: the longest heading that is its name, or its name before a variant. */
    String hintForTest(String testName) {
        String key = hintKey(testName);
        return key == null ? null : hints.get(key);
    }

    private String hintKey(String testName) {
        String best = null;
        for (String key : hints.keySet()) {
            if ((testName.equals(key) || testName.startsWith(key + " ")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best;
    }

    /** A test's name as HTML: `code` set as code, a parameterized test's variant set apart. */
    private String testName(String name) {
        String key = hintKey(name);
        if (key == null || key.length() == name.length()) {
            return inlineCode(esc(name));
        }
        return inlineCode(esc(key)) + " <span class=\"variant\">" + esc(name.substring(key.length() + 1)) + "</span>";
    }

    // ---- HTML -------------------------------------------------------------------------------

    private String html(int attempt, String when, List<String[]> earlier) {
        boolean all = result.allPassed();
        String verdict = result.passed() + " of " + result.parts().size() + " passed";
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Homework 7.8 feedback: ").append(esc(verdict)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<header>\n<h1>Homework 7.8 feedback</h1>\n")
                .append("<p id=\"verdict\" class=\"verdict ").append(all ? "pass" : "fail")
                .append("\" data-passed=\"").append(result.passed()).append("\" data-total=\"")
                .append(result.parts().size()).append("\">").append(esc(verdict))
                .append(all ? ": all done, well played!" : ": read the failures below, fix, grade again")
                .append("</p>\n<dl class=\"meta\">")
                .append("<dt>Attempt</dt><dd id=\"attempt\">").append(attempt).append("</dd>")
                .append("<dt>Graded</dt><dd>").append(esc(when)).append("</dd>")
                .append("<dt>Code</dt><dd><code>").append(esc(src.toString())).append("</code> (").append(esc(caseName)).append(")</dd>");
        if (!commit.isBlank()) {
            b.append("<dt>Commit</dt><dd><code>").append(esc(commit)).append("</code></dd>");
        }
        b.append("</dl>\n</header>\n");

        b.append("<table class=\"overview\">\n<thead><tr><th>Part</th><th>Result</th><th>Details</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < result.parts().size(); i++) {
            GradeReport.Part p = result.parts().get(i);
            b.append("<tr><td><a href=\"#part-").append(i + 1).append("\">").append(esc(title(p))).append("</a></td>")
                    .append("<td class=\"").append(p.pass() ? "pass" : "fail").append("\">").append(p.pass() ? "PASS" : "FAIL").append("</td>")
                    .append("<td>").append(esc(p.summary())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");

        if (!result.compileErrors().isEmpty()) {
            b.append("<section class=\"compile\" id=\"compile-errors\">\n<h2>The code does not compile</h2>\n")
                    .append("<p>No test and no scan ran. The compiler says:</p>\n<pre class=\"message\">");
            result.compileErrors().stream().limit(40).forEach(e -> b.append(esc(e)).append('\n'));
            b.append("</pre>\n<p class=\"hint\"><strong>Hint:</strong> fix the first error first: later ones often follow from it. ")
                    .append("The full build log is <code>").append(esc(result.log().toString())).append("</code>.</p>\n</section>\n");
        }

        for (int i = 0; i < result.parts().size(); i++) {
            GradeReport.Part p = result.parts().get(i);
            b.append("<section class=\"part\" id=\"part-").append(i + 1).append("\" data-title=\"").append(esc(title(p)))
                    .append("\" data-status=\"").append(p.pass() ? "PASS" : "FAIL").append("\">\n")
                    .append("<h2><span class=\"badge ").append(p.pass() ? "pass" : "fail").append("\">")
                    .append(p.pass() ? "PASS" : "FAIL").append("</span> ").append(esc(title(p))).append("</h2>\n")
                    .append("<p class=\"summary\">").append(esc(p.summary())).append("</p>\n");
            if (i == result.parts().size() - 1) {
                scanSection(b, p);
            } else {
                testSection(b, p);
            }
            b.append("</section>\n");
        }

        if (!earlier.isEmpty()) {
            b.append("<section class=\"history\">\n<h2>Earlier attempts in this folder</h2>\n<table>\n")
                    .append("<thead><tr><th>Attempt</th><th>Graded</th><th>Code</th><th>Parts passed</th><th>Tests passed</th></tr></thead>\n<tbody>\n");
            for (int i = earlier.size() - 1; i >= 0; i--) {
                String[] f = earlier.get(i);
                b.append("<tr><td><a href=\"attempt-").append(esc(f[0])).append(".html\">").append(esc(f[0])).append("</a></td>");
                for (int c = 1; c < 5; c++) {
                    b.append("<td>").append(esc(f[c])).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n</section>\n");
        }
        b.append("<footer>Graded by <code>./course grade</code>: JUnit 5 tests per exercise and SpotBugs + Find Security Bugs")
                .append(all ? " · <span class=\"egg\">[程序员晚枫]</span>" : "").append("</footer>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private void testSection(StringBuilder b, GradeReport.Part p) {
        List<GradeReport.TestCase> failed = p.failed();
        if (!failed.isEmpty()) {
            b.append("<ol class=\"failures\">\n");
            for (GradeReport.TestCase t : failed) {
                String hint = hintForTest(t.name());
                b.append("<li class=\"test failed\" data-test=\"").append(esc(t.name())).append("\">\n")
                        .append("<h3>").append(testName(t.name())).append("</h3>\n")
                        .append("<pre class=\"message\">").append(esc(limit(t.problem()))).append("</pre>\n");
                if (t.type() != null && !t.type().isBlank() && !t.type().equals(t.problem())) {
                    b.append("<p class=\"type\">").append(esc(t.type())).append("</p>\n");
                }
                hint(b, hint, "No hint is written for this test: read its message, then the test in homework/src/test/java/homework/.");
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        List<GradeReport.TestCase> passed = p.tests().stream().filter(GradeReport.TestCase::passed).toList();
        if (!passed.isEmpty()) {
            b.append("<details class=\"passes\">\n<summary>")
                    .append(passed.size()).append(passed.size() == 1 ? " test passed" : " tests passed").append("</summary>\n<ul>\n");
            for (GradeReport.TestCase t : passed) {
                b.append("<li class=\"test passed\" data-test=\"").append(esc(t.name())).append("\">").append(testName(t.name())).append("</li>\n");
            }
            b.append("</ul>\n</details>\n");
        }
    }

    private void scanSection(StringBuilder b, GradeReport.Part p) {
        if (p.findings().isEmpty()) {
            b.append("<p>").append(p.pass() ? "SpotBugs with Find Security Bugs found no security bug in your classes."
                    : "The scan did not run: see the build log.").append("</p>\n");
            return;
        }
        b.append("<ol class=\"findings\">\n");
        for (GradeReport.Finding f : p.findings()) {
            b.append("<li class=\"finding\" data-type=\"").append(esc(f.type())).append("\" data-file=\"").append(esc(f.file()))
                    .append("\" data-line=\"").append(f.line()).append("\">\n")
                    .append("<h3>").append(esc(f.type())).append(f.cwe().isBlank() ? "" : " <span class=\"cwe\">CWE-" + esc(f.cwe()) + "</span>")
                    .append("</h3>\n<p class=\"where\"><code>").append(esc(f.file())).append("</code>, line ").append(f.line())
                    .append(": ").append(esc(f.shortMessage())).append("</p>\n");
            if (!f.longMessage().isBlank()) {
                b.append("<p class=\"long\">").append(esc(f.longMessage())).append("</p>\n");
            }
            String excerpt = excerpt(f);
            if (!excerpt.isEmpty()) {
                b.append("<pre class=\"source\">").append(excerpt).append("</pre>\n");
            }
            hint(b, hints.get(f.type()), "Look the bug type up in the Find Security Bugs pattern list; never build a command, query or path from input.");
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    private static void hint(StringBuilder b, String hint, String fallback) {
        if (hint == null) {
            b.append("<p class=\"hint missing\"><strong>Hint:</strong> ").append(esc(fallback)).append("</p>\n");
        } else {
            b.append("<p class=\"hint\"><strong>Hint:</strong> ").append(inlineCode(esc(hint))).append("</p>\n");
        }
    }

    /** The flagged line with one line either side, numbered, the flagged one marked; escaped. */
    private String excerpt(GradeReport.Finding f) {
        Path file = src.resolve(f.file());
        if (f.line() < 1 || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (int n = Math.max(1, f.line() - 1); n <= Math.min(lines.size(), f.line() + 1); n++) {
                String text = String.format("%4d | %s", n, lines.get(n - 1));
                out.append(n == f.line() ? "<mark>" + esc(text) + "</mark>" : esc(text)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "";
        }
    }

    // ---- Markdown ---------------------------------------------------------------------------

    private String markdown(int attempt, String when) {
        StringBuilder m = new StringBuilder(4096);
        m.append("## Homework 7.8: ").append(result.passed()).append(" of ").append(result.parts().size()).append(" passed")
                .append(result.allPassed() ? " :tada:" : "").append("\n\n")
                .append("Attempt ").append(attempt).append(", graded ").append(when)
                .append(commit.isBlank() ? "" : ", commit `" + commit + "`").append(".\n\n")
                .append("| Part | Result | Details |\n|---|---|---|\n");
        for (GradeReport.Part p : result.parts()) {
            m.append("| ").append(md(title(p))).append(" | ").append(p.pass() ? "✅ PASS" : "❌ FAIL")
                    .append(" | ").append(md(p.summary())).append(" |\n");
        }
        if (!result.compileErrors().isEmpty()) {
            m.append("\n### The code does not compile\n\n```\n");
            result.compileErrors().stream().limit(12).forEach(e -> m.append(e.replace("```", "'''")).append('\n'));
            m.append("```\n");
        }
        for (GradeReport.Part p : result.parts()) {
            if (p.pass() || (p.failed().isEmpty() && p.findings().isEmpty())) {
                continue;
            }
            m.append("\n### ❌ ").append(md(title(p))).append("\n\n");
            for (GradeReport.TestCase t : p.failed()) {
                m.append("- **").append(md(t.name())).append("**: ").append(md(GradeReport.firstLine(t.problem()))).append('\n');
                String hint = hintForTest(t.name());
                if (hint != null) {
                    m.append("  - Hint: ").append(md(hint)).append('\n');
                }
            }
            for (GradeReport.Finding f : p.findings()) {
                m.append("- **").append(md(f.type())).append("** at `").append(f.file()).append(':').append(f.line()).append("`: ")
                        .append(md(f.shortMessage())).append('\n');
                String hint = hints.get(f.type());
                if (hint != null) {
                    m.append("  - Hint: ").append(md(hint)).append('\n');
                }
            }
        }
        m.append("\nThe whole page, with the passing tests and the code around each finding, is `feedback.html`")
                .append(" (in CI: the run's `feedback` artifact).\n");
        return m.toString();
    }

    // ---- text helpers -----------------------------------------------------------------------

    /** "Exercise 1  hybrid scanner" → "Exercise 1: hybrid scanner" (the console pads with two spaces). */
    private static String title(GradeReport.Part p) {
        return p.title().replaceFirst("^(Exercise \\d|Security scan)\\s{2,}", "$1: ");
    }

    private static String limit(String s) {
        return s.length() <= MESSAGE_LIMIT ? s : s.substring(0, MESSAGE_LIMIT) + "\n... (cut: see the build log)";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\u001B' -> out.append("ESC");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** `code` in an (already escaped) hint becomes a code element. */
    private static String inlineCode(String escaped) {
        return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    /**
     * Markdown table- and HTML-safe text on one line: pipes escaped, and tags escaped outside
     * `code spans` (inside them GitHub shows the characters as they are).
     */
    private static String md(String s) {
        String line = s.replace("\u001B", "ESC").replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
        String[] pieces = line.split("`", -1);
        boolean spans = pieces.length % 2 == 1;
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < pieces.length; i++) {
            boolean code = spans && i % 2 == 1;
            out.append(i > 0 ? "`" : "").append(code ? pieces[i] : pieces[i].replace("<", "&lt;").replace(">", "&gt;"));
        }
        return out.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; --pass: #1a7f37; --fail: #cf222e; --muted: #59636e; --line: #d1d9e0; }
            body { margin: 0; background: #f6f8fa; color: #1f2328;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
            main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
            h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
            h2 { font-size: 1.2rem; margin: 0 0 .4rem; }
            h3 { font-size: 1rem; margin: 0 0 .3rem; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: .88em; }
            header { margin-bottom: 1rem; }
            .verdict { font-size: 1.15rem; font-weight: 600; margin: .2rem 0; }
            .verdict.pass, td.pass { color: var(--pass); }
            .verdict.fail, td.fail { color: var(--fail); }
            td.pass, td.fail { font-weight: 700; }
            dl.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin: .4rem 0; color: var(--muted); }
            dl.meta dt { font-weight: 600; } dl.meta dt::after { content: ":"; } dl.meta dd { margin: 0 0 0 -.8rem; }
            table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1.2rem; }
            th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
            th { background: #eef1f4; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: 0 0 1rem; }
            section[data-status="FAIL"] { border-left: 5px solid var(--fail); }
            section[data-status="PASS"] { border-left: 5px solid var(--pass); }
            .badge { display: inline-block; font-size: .75rem; color: #fff; border-radius: 4px; padding: .05rem .4rem; vertical-align: middle; }
            .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
            .summary, .type, .long { color: var(--muted); margin: .2rem 0; }
            ol.failures, ol.findings { padding-left: 1.3rem; }
            li.failed, li.finding { margin: 0 0 1rem; }
            pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .7rem; margin: .3rem 0;
                  white-space: pre-wrap; overflow-wrap: anywhere; }
            pre.message { border-left: 3px solid var(--fail); }
            mark { background: #ffebe9; color: inherit; font-weight: 600; }
            .hint { background: #fff8c5; border: 1px solid #eed888; border-radius: 6px; padding: .4rem .7rem; margin: .3rem 0; }
            .hint.missing { background: #f6f8fa; border-color: var(--line); color: var(--muted); }
            .cwe { font-weight: 400; color: var(--muted); font-size: .85em; }
            details.passes summary { cursor: pointer; color: var(--pass); font-weight: 600; }
            details.passes li { color: var(--muted); }
            footer { color: var(--muted); font-size: .85rem; margin-top: 1.5rem; }
            .egg { color: #e8590c; font-weight: 700; }
            .variant { font-weight: 400; font-size: .85em; color: #fff; background: #59636e; border-radius: 4px; padding: .05rem .4rem; }
            """;
}
