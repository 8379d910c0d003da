package concurrencylab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.exec.ExecutorKind;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layers of lib (lib/README.md draws them): the library students read ({@code exec},
 * {@code scan}, {@code tasks}, {@code notebook}, {@code util}, and the kernel glue {@code kernel}) depends on neither the lab
 * around it ({@code lab.*}) nor the entry points ({@code cli}); the lab does not depend on
 * the entry points. Checked twice: in the compiled classes (every class, method and field
 * type a class refers to, from its constant pool; string literals excluded) and in the
 * sources' imports (which also catch a dependency only a javadoc link makes).
 */
class ArchitectureTest {

    /**
     * The packages of the library students read, and the kernel glue below them (cell scopes,
     * which the pool and the lab server report to), as folders under concurrencylab/.
     */
    static final List<String> STUDENTS_READ = List.of("exec", "scan", "tasks", "notebook", "util", "kernel");

    private static final Pattern LAB_OR_CLI = Pattern.compile("concurrencylab/(lab|cli)/[A-Za-z0-9_/$]+");
    private static final Pattern CLI = Pattern.compile("concurrencylab/cli/[A-Za-z0-9_/$]+");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(static\\s+)?(concurrencylab\\.[\\w.]+)");

    @Test
    @DisplayName("the library students read refers to no class of the lab or the entry points (compiled classes)")
    void studentsLibraryIsFreeOfLabAndCli() throws IOException {
        List<String> violations = new ArrayList<>();
        int classes = 0;
        for (String pkg : STUDENTS_READ) {
            for (Path c : classFiles(pkg)) {
                classes++;
                references(c, LAB_OR_CLI).forEach(r -> violations.add(name(c) + " -> " + r));
            }
        }
        assertTrue(classes > 40, "found only " + classes + " classes under " + classesRoot());
        assertEquals(List.of(), violations, "the library students read must not depend on lab.* or cli");
    }

    @Test
    @DisplayName("the lab refers to no class of the entry points (compiled classes)")
    void labIsFreeOfCli() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> lab = classFiles("lab");
        for (Path c : lab) {
            references(c, CLI).forEach(r -> violations.add(name(c) + " -> " + r));
        }
        assertTrue(lab.size() > 40, "found only " + lab.size() + " lab classes");
        assertEquals(List.of(), violations, "lab.* must not depend on cli");
    }

    @Test
    @DisplayName("no source file of the library students read imports lab or cli, and no lab source imports cli")
    void importsFollowTheLayers() throws IOException {
        Path sources = sourcesRoot();
        List<String> violations = new ArrayList<>();
        for (String pkg : STUDENTS_READ) {
            for (Path f : javaFiles(sources.resolve(pkg))) {
                imports(f).stream().filter(i -> i.startsWith("concurrencylab.lab.") || i.startsWith("concurrencylab.cli."))
                        .forEach(i -> violations.add(sources.relativize(f) + " imports " + i));
            }
        }
        List<Path> lab = javaFiles(sources.resolve("lab"));
        for (Path f : lab) {
            imports(f).stream().filter(i -> i.startsWith("concurrencylab.cli."))
                    .forEach(i -> violations.add(sources.relativize(f) + " imports " + i));
        }
        assertTrue(lab.size() > 40, "found only " + lab.size() + " lab sources under " + sources);
        assertEquals(List.of(), violations);
    }

    @Test
    @DisplayName("the checks see real dependencies: lab.pitfalls refers to lab.debug, cli refers to lab")
    void theChecksFindDependenciesWhereTheyAre() throws IOException {
        Set<String> pitfalls = new TreeSet<>();
        for (Path c : classFiles("lab/pitfalls")) {
            pitfalls.addAll(references(c, LAB_OR_CLI));
        }
        assertTrue(pitfalls.stream().anyMatch(r -> r.startsWith("concurrencylab/lab/debug/")), pitfalls.toString());
        Set<String> cli = new TreeSet<>();
        for (Path c : classFiles("cli")) {
            cli.addAll(references(c, LAB_OR_CLI));
        }
        assertTrue(cli.stream().anyMatch(r -> r.startsWith("concurrencylab/lab/")), cli.toString());
        assertTrue(imports(sourcesRoot().resolve("cli/CpuBenchmark.java")).contains("concurrencylab.lab.bench.CpuBench"));
    }

    /** The classes and descriptors {@code classFile} refers to that match {@code pattern}, string literals left out. */
    static Set<String> references(Path classFile, Pattern pattern) throws IOException {
        ClassModel model = ClassFile.of().parse(Files.readAllBytes(classFile));
        Set<Utf8Entry> literals = new HashSet<>();
        List<String> texts = new ArrayList<>();
        for (PoolEntry e : model.constantPool()) {
            if (e instanceof StringEntry s) {
                literals.add(s.utf8());
            }
        }
        for (PoolEntry e : model.constantPool()) {
            if (e instanceof ClassEntry c) {
                texts.add(c.asInternalName());
            } else if (e instanceof Utf8Entry u && !literals.contains(u)) {
                texts.add(u.stringValue());
            }
        }
        Set<String> found = new TreeSet<>();
        for (String t : texts) {
            Matcher m = pattern.matcher(t);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static List<String> imports(Path source) throws IOException {
        Matcher m = IMPORT.matcher(Files.readString(source));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(2));
        }
        return found;
    }

    private static Path classesRoot() {
        try {
            return Path.of(ExecutorKind.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the compiled classes", e);
        }
    }

    private static Path sourcesRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java/concurrencylab");
        assertTrue(Files.isDirectory(root), "no sources at " + root.toAbsolutePath());
        return root;
    }

    private static List<Path> classFiles(String pkg) throws IOException {
        Path dir = classesRoot().resolve("concurrencylab").resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return List.of(); // a package not written yet (util)
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String name(Path classFile) {
        return classesRoot().relativize(classFile).toString();
    }
}
