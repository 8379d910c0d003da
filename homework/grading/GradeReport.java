import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the per-exercise grading report from one Maven run of the homework module and exits
 * 0 only when every exercise and the security scan pass. Run by tools/grade.sh:
 * {@code java GradeReport.java TARGET_DIR LOG_FILE}. Reads the surefire XML reports
 * (TEST-homework.ExerciseN*.xml) and SpotBugs' spotbugsXml.xml; nothing else.
 */
public final class GradeReport {

    private static final String[][] EXERCISES = {
            {"1", "Exercise 1  hybrid scanner (virtual threads + process pool)"},
            {"2", "Exercise 2  the scanner three ways"},
            {"3", "Exercise 3  the easter-egg logo"},
    };
    /** Failures listed per exercise; grade.sh --all-failures sets -Dgrade.shown=1000. */
    private static final int SHOWN_FAILURES = Integer.getInteger("grade.shown", 4);

    record Outcome(boolean pass, String summary, List<String> details) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java GradeReport.java TARGET_DIR LOG_FILE");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        Path log = Path.of(args[1]);
        List<Outcome> outcomes = new ArrayList<>();
        List<String> compileErrors = compileErrors(target, log);
        for (String[] exercise : EXERCISES) {
            Outcome o = compileErrors.isEmpty() ? tests(target, exercise[0]) : notCompiled();
            outcomes.add(o);
            print(exercise[1], o);
        }
        Outcome scan = compileErrors.isEmpty() ? scan(target) : notCompiled();
        outcomes.add(scan);
        print("Security scan  SpotBugs + Find Security Bugs", scan);
        if (!compileErrors.isEmpty()) {
            System.out.println();
            System.out.println("The code does not compile:");
            compileErrors.stream().limit(12).forEach(e -> System.out.println("  " + e));
        }
        long passed = outcomes.stream().filter(Outcome::pass).count();
        System.out.println();
        System.out.printf("%d of %d passed%s%n", passed, outcomes.size(),
                passed == outcomes.size() ? ": all done, well played! [程序员晚枫]" : " (full log: " + log + ")");
        System.exit(passed == outcomes.size() ? 0 : 1);
    }

    private static void print(String title, Outcome o) {
        System.out.printf("%-62s %s  %s%n", title, o.pass() ? "PASS" : "FAIL", o.summary());
        o.details().forEach(d -> System.out.println("      - " + d));
    }

    private static Outcome notCompiled() {
        return new Outcome(false, "not run: the code does not compile", List.of());
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

    private static Outcome tests(Path target, String number) throws Exception {
        Path reports = target.resolve("surefire-reports");
        List<Path> files;
        try (Stream<Path> s = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
            files = s.filter(p -> p.getFileName().toString().matches("TEST-homework\\.Exercise" + number + "\\D.*\\.xml"))
                    .toList();
        }
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (Path file : files) {
            NodeList cases = parse(file).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                total++;
                String problem = problem(c);
                if (problem != null) {
                    failed.add(c.getAttribute("name") + ": " + problem);
                }
            }
        }
        if (total == 0) {
            return new Outcome(false, "no test ran (test report missing)", List.of());
        }
        List<String> shown = new ArrayList<>(failed.stream().limit(SHOWN_FAILURES).toList());
        if (failed.size() > SHOWN_FAILURES) {
            shown.add("... and " + (failed.size() - SHOWN_FAILURES) + " more");
        }
        return new Outcome(failed.isEmpty(), (total - failed.size()) + "/" + total + " tests", shown);
    }

    private static String problem(Element testcase) {
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList n = testcase.getElementsByTagName(tag);
            if (n.getLength() > 0) {
                Element e = (Element) n.item(0);
                String message = e.getAttribute("message");
                if (message.isBlank()) {
                    message = e.getAttribute("type");
                }
                message = message.strip().lines().findFirst().orElse(tag);
                return tag.equals("skipped") ? "skipped" : shorten(message);
            }
        }
        return null;
    }

    private static Outcome scan(Path target) throws Exception {
        Path xml = target.resolve("spotbugsXml.xml");
        if (!Files.exists(xml)) {
            return new Outcome(false, "not run (no spotbugsXml.xml)", List.of());
        }
        NodeList bugs = parse(xml).getElementsByTagName("BugInstance");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < bugs.getLength(); i++) {
            Element bug = (Element) bugs.item(i);
            found.add(bug.getAttribute("type") + " at " + where(bug) + ": " + text(bug, "ShortMessage"));
        }
        return new Outcome(found.isEmpty(), found.isEmpty() ? "no security bug found" : found.size() + " security bug(s)", found);
    }

    private static String where(Element bug) {
        NodeList lines = bug.getElementsByTagName("SourceLine");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getParentNode() == bug || i == lines.getLength() - 1) {
                return line.getAttribute("sourcepath") + ":" + line.getAttribute("start");
            }
        }
        return "?";
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
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
