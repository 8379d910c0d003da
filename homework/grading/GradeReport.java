import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Prints the per-exercise grading report from one Maven run of the homework module and exits
 * 0 only when every exercise and the security scan pass. Run by tools/grade.sh:
 * {@code java GradeReport.java TARGET_DIR LOG_FILE}. Reads the surefire XML reports
 * (TEST-homework.ExerciseN*.xml) and SpotBugs' spotbugsXml.xml; nothing else.
 *
 * <p>System properties (grade.sh sets them): {@code grade.shown} failures listed per exercise
 * on the console; {@code grade.feedback} a folder for the feedback page and summary
 * ({@link Feedback}); {@code grade.src} the graded source tree (to quote a finding's line);
 * {@code grade.case} and {@code grade.commit} for the page's header.
 */
public final class GradeReport {

    static final String[][] EXERCISES = {
            {"1", "Exercise 1  hybrid scanner (virtual threads + process pool)"},
            {"2", "Exercise 2  the scanner three ways"},
            {"3", "Exercise 3  the easter-egg logo"},
    };
    static final String SCAN_TITLE = "Security scan  SpotBugs + Find Security Bugs";
    /** Failures listed per exercise; grade.sh --all-failures sets -Dgrade.shown=1000. */
    private static final int SHOWN_FAILURES = Integer.getInteger("grade.shown", 4);

    /** One JUnit test: its name as the report shows it; problem is null when it passed. */
    record TestCase(String name, String problem, String type) {
        boolean passed() {
            return problem == null;
        }
    }

    /** One SpotBugs finding, located by the primary source line. */
    record Finding(String type, String cwe, String file, int line, String shortMessage, String longMessage) {
    }

    /**
     * One line of the report: an exercise (tests) or the scan (findings). {@code summary} is
     * the console's short verdict, e.g. "16/20 tests".
     */
    record Part(String title, boolean pass, String summary, List<TestCase> tests, List<Finding> findings) {
        List<TestCase> failed() {
            return tests.stream().filter(t -> !t.passed()).toList();
        }
    }

    /** Everything one attempt produced. */
    record Result(List<Part> parts, List<String> compileErrors, Path log) {
        long passed() {
            return parts.stream().filter(Part::pass).count();
        }

        boolean allPassed() {
            return passed() == parts.size();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java GradeReport.java TARGET_DIR LOG_FILE");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        Path log = Path.of(args[1]);
        Result result = collect(target, log);
        for (Part part : result.parts()) {
            print(part);
        }
        if (!result.compileErrors().isEmpty()) {
            System.out.println();
            System.out.println("The code does not compile:");
            result.compileErrors().stream().limit(12).forEach(e -> System.out.println("  " + e));
        }
        System.out.println();
        System.out.printf("%d of %d passed%s%n", result.passed(), result.parts().size(),
                result.allPassed() ? ": all done, well played! [程序员晚枫]" : " (full log: " + log + ")");
        String feedback = System.getProperty("grade.feedback", "");
        if (!feedback.isBlank()) {
            Path page = new Feedback(result, Path.of(System.getProperty("grade.src", ".")),
                    System.getProperty("grade.case", "custom"), System.getProperty("grade.commit", ""),
                    Path.of(System.getProperty("grade.hints", "hints.md")))
                    .write(Path.of(feedback));
            System.out.println("Feedback page: " + page + " (summary: " + page.resolveSibling("summary.md") + ")");
        }
        System.exit(result.allPassed() ? 0 : 1);
    }

    static Result collect(Path target, Path log) throws Exception {
        List<Part> parts = new ArrayList<>();
        List<String> compileErrors = compileErrors(target, log);
        for (String[] exercise : EXERCISES) {
            parts.add(compileErrors.isEmpty() ? tests(target, exercise[0], exercise[1]) : notCompiled(exercise[1]));
        }
        parts.add(compileErrors.isEmpty() ? scan(target) : notCompiled(SCAN_TITLE));
        return new Result(List.copyOf(parts), compileErrors, log);
    }

    private static void print(Part part) {
        System.out.printf("%-62s %s  %s%n", part.title(), part.pass() ? "PASS" : "FAIL", part.summary());
        List<String> details = new ArrayList<>();
        if (part.findings().isEmpty()) {
            List<TestCase> failed = part.failed();
            failed.stream().limit(SHOWN_FAILURES).forEach(t -> details.add(t.name() + ": " + shorten(firstLine(t.problem()))));
            if (failed.size() > SHOWN_FAILURES) {
                details.add("... and " + (failed.size() - SHOWN_FAILURES) + " more");
            }
        } else {
            part.findings().forEach(f -> details.add(f.type() + " at " + f.file() + ":" + f.line() + ": " + f.shortMessage()));
        }
        details.forEach(d -> System.out.println("      - " + d));
    }

    private static Part notCompiled(String title) {
        return new Part(title, false, "not run: the code does not compile", List.of(), List.of());
    }

    private static List<String> compileErrors(Path target, Path log) throws Exception {
        if (Files.isDirectory(target.resolve("classes/homework")) && Files.exists(log)
                && Files.readAllLines(log).stream().noneMatch(l -> l.contains("COMPILATION ERROR"))) {
            return List.of();
        }
        if (!Files.exists(log)) {
            return List.of("no build log at " + log);
        }
        List<String> errors = Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("[ERROR] /") || l.startsWith("[ERROR] Failed"))
                .map(l -> l.substring("[ERROR] ".length()))
                .toList();
        return errors.isEmpty() ? List.of("the build stopped before the tests: see " + log) : errors;
    }

    private static Part tests(Path target, String number, String title) throws Exception {
        Path reports = target.resolve("surefire-reports");
        List<Path> files;
        try (Stream<Path> s = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
            files = s.filter(p -> p.getFileName().toString().matches("TEST-homework\\.Exercise" + number + "\\D.*\\.xml"))
                    .sorted()
                    .toList();
        }
        List<TestCase> cases = new ArrayList<>();
        for (Path file : files) {
            NodeList nodes = parse(file).getElementsByTagName("testcase");
            for (int i = 0; i < nodes.getLength(); i++) {
                cases.add(testCase((Element) nodes.item(i)));
            }
        }
        if (cases.isEmpty()) {
            return new Part(title, false, "no test ran (test report missing)", List.of(), List.of());
        }
        long failed = cases.stream().filter(t -> !t.passed()).count();
        return new Part(title, failed == 0, (cases.size() - failed) + "/" + cases.size() + " tests", List.copyOf(cases), List.of());
    }

    private static TestCase testCase(Element testcase) {
        String name = testcase.getAttribute("name");
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList n = testcase.getElementsByTagName(tag);
            if (n.getLength() > 0) {
                Element e = (Element) n.item(0);
                if (tag.equals("skipped")) {
                    return new TestCase(name, "skipped", "skipped");
                }
                String message = e.getAttribute("message").strip();
                String type = e.getAttribute("type");
                return new TestCase(name, message.isEmpty() ? type : message, type);
            }
        }
        return new TestCase(name, null, null);
    }

    private static Part scan(Path target) throws Exception {
        Path xml = target.resolve("spotbugsXml.xml");
        if (!Files.exists(xml)) {
            return new Part(SCAN_TITLE, false, "not run (no spotbugsXml.xml)", List.of(), List.of());
        }
        NodeList bugs = parse(xml).getElementsByTagName("BugInstance");
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < bugs.getLength(); i++) {
            Element bug = (Element) bugs.item(i);
            Element line = primaryLine(bug);
            found.add(new Finding(bug.getAttribute("type"), bug.getAttribute("cweid"),
                    line == null ? "?" : line.getAttribute("sourcepath"),
                    line == null ? 0 : parseInt(line.getAttribute("start")),
                    text(bug, "ShortMessage"), text(bug, "LongMessage")));
        }
        return new Part(SCAN_TITLE, found.isEmpty(),
                found.isEmpty() ? "no security bug found" : found.size() + " security bug(s)", List.of(), List.copyOf(found));
    }

    /** The bug's own SourceLine (a direct child), else the last one it names. */
    private static Element primaryLine(Element bug) {
        NodeList lines = bug.getElementsByTagName("SourceLine");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            Node parent = line.getParentNode();
            if (parent == bug || i == lines.getLength() - 1) {
                return line;
            }
        }
        return null;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
    }

    static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse(s);
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static org.w3c.dom.Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
