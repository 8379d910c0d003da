package concurrencylab.lab.summary;

import concurrencylab.exec.JvmCommand;
import concurrencylab.util.Require;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Runs the homework's reference solutions for notebook 07.8, on request only: compiles
 * {@code solutions/java} (with the given code in {@code homework/src/given/java}) against this
 * library, then runs their showcase in a child JVM whose classpath holds them, so the hybrid
 * scanner's {@code ProcessPool} workers can load its tasks (a notebook cell's classes could not
 * travel). Results come back as tables and strings.
 *
 * {@snippet :
 * if (HomeworkSolutions.requested()) {          // COURSE_SHOW_SOLUTIONS=1
 *     var shown = HomeworkSolutions.run(Duration.ofMinutes(2));
 *     shown.timing();                           // exercise 1's comparison table
 * }
 * }
 * <p>Introduced in notebook {@code 07.8-Homework}. Thread-safe: each call compiles into the
 * same directory, so run one at a time; every wait is bounded by {@code timeout}.
 */
public final class HomeworkSolutions {

    /** Environment variable that asks notebook 07.8 to run the reference solutions. */
    public static final String SWITCH = "COURSE_SHOW_SOLUTIONS";
    private static final String SHOWCASE = "homework.SolutionShowcase";

    /**
     * What the reference solutions produced.
     *
     * @param timing exercise 1: pure virtual threads vs the hybrid, timed
     * @param api exercise 2: the three scanners compared
     * @param logoHtml exercise 3: the logo as HTML
     * @param logoAnsi exercise 3: the logo with ANSI colours
     */
    public record Showcase(Table timing, Table api, String logoHtml, String logoAnsi) {
    }

    private HomeworkSolutions() {
    }

    /** Returns true when {@value #SWITCH} is 1, true or yes (any case). */
    public static boolean requested() {
        String value = System.getenv(SWITCH);
        return value != null && List.of("1", "true", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Compiles the reference solutions and runs their showcase in a child JVM.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws IllegalStateException if the project's solutions/ cannot be found, do not compile,
     *     or the showcase fails
     * @throws TimeoutException if the showcase did not finish within {@code timeout} (it is killed)
     * @throws InterruptedException if interrupted while waiting (the child is killed)
     */
    public static Showcase run(Duration timeout) throws TimeoutException, InterruptedException {
        return run(timeout, 1024);
    }

    /**
     * Like {@link #run(Duration)}, but exercise 1's comparison scans ports 1 to {@code lastPort}
     * (port 2024 left out) besides the listeners the showcase plants.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive or {@code lastPort} is outside 1..65535
     * @throws IllegalStateException as {@link #run(Duration)}
     * @throws TimeoutException as {@link #run(Duration)}
     * @throws InterruptedException as {@link #run(Duration)}
     */
    public static Showcase run(Duration timeout, int lastPort) throws TimeoutException, InterruptedException {
        Require.positive("timeout", timeout);
        Require.inRange("lastPort", lastPort, 1, 65_535);
        Path root = projectRoot();
        List<Path> libraries = libraryClasspath(root);
        Path classes = compile(root, libraries);
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(libraries);
        return parse(runShowcase(classpath, timeout, lastPort));
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("solutions/java")) && Files.isDirectory(dir.resolve("homework/src/given/java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the course's solutions/ and homework/ above "
                + Path.of("").toAbsolutePath() + ": run the notebook from the course repository");
    }

    private static List<Path> libraryClasspath(Path root) {
        List<Path> entries = new ArrayList<>();
        try {
            entries.add(Path.of(HomeworkSolutions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the course library's jar", e);
        }
        try (Stream<Path> jars = Files.list(root.resolve("lib/target/lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
        } catch (IOException e) {
            throw new IllegalStateException("no lib/target/lib: build the library first (./kernel-setup/build-lib.sh)", e);
        }
        return entries;
    }

    private static Path compile(Path root, List<Path> libraries) {
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this JVM has no Java compiler: run the kernel on a full JDK 25");
        }
        Path out = root.resolve("build/homework-solutions/classes");
        deleteTree(out);
        List<String> args = new ArrayList<>(List.of("--release", "25", "--enable-preview", "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-d", out.toString(), "-cp", join(libraries)));
        args.addAll(sources(root.resolve("homework/src/given/java")));
        args.addAll(sources(root.resolve("solutions/java")));
        var errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("the reference solutions do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " before compiling the solutions", e);
        }
    }

    private static List<String> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String runShowcase(List<Path> classpath, Duration timeout, int lastPort)
            throws TimeoutException, InterruptedException {
        JvmCommand command = JvmCommand.of(SHOWCASE).withClasspath(join(classpath)).withArgs(Integer.toString(lastPort));
        String java = command.javaBinary();
        var builder = command.processBuilder().redirectErrorStream(true);
        builder.environment().remove(JvmCommand.CLASSPATH_VARIABLE);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + java, e);
        }
        try (var reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> output = reader.submit(() -> read(child.getInputStream()));
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("the solutions' showcase did not finish within " + timeout);
            }
            String text = output.get(10, TimeUnit.SECONDS);
            if (child.exitValue() != 0) {
                throw new IllegalStateException("the solutions' showcase failed (exit " + child.exitValue() + "):\n" + text);
            }
            return text;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the showcase's output", e.getCause());
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Showcase parse(String output) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@section ")) {
                current = sections.computeIfAbsent(line.substring(10).trim(), k -> new StringBuilder());
            } else if (line.equals("@@end")) {
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        for (String name : List.of("timing", "api", "html", "ansi")) {
            if (!sections.containsKey(name)) {
                throw new IllegalStateException("the showcase printed no '" + name + "' section:\n" + output);
            }
        }
        return new Showcase(csv("Virtual threads vs hybrid", sections.get("timing")),
                csv("Scanner three ways", sections.get("api")),
                sections.get("html").toString().strip(), stripEnd(sections.get("ansi").toString()));
    }

    private static Table csv(String name, CharSequence text) {
        return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text.toString())).tableName(name));
    }

    private static String stripEnd(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
