package concurrencylab.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of a child JVM, built in one place: the parent's own {@code java} binary,
 * {@code --enable-preview}, {@code -Djava.awt.headless=true}, the course classpath, extra
 * flags, the main class and its arguments.
 * {@snippet :
 * List<String> command = JvmCommand.of("com.example.Main")   // the main class
 *         .withFlags("-XX:+UseSerialGC")                        // extra JVM flags
 *         .withArgs("--port", "8080")                           // the main's arguments
 *         .toList();
 * Process child = new ProcessBuilder(command).start();
 * }
 *
 * <p><b>The java binary</b> ({@link #java()}) is the one the running JVM was started with, if
 * that is an executable file named {@code java...}; otherwise {@code java.home/bin/java}. A
 * child therefore runs the same JDK as its parent, whatever {@code PATH} says.
 *
 * <p><b>The classpath</b> ({@link #courseClasspath()}) is the environment variable
 * {@value #CLASSPATH_VARIABLE} when it is set and not blank (a notebook kernel sets it to the
 * lib jar and its dependencies, because the kernel's own {@code java.class.path} holds only
 * the kernel), otherwise the parent's {@code java.class.path}. {@link #withClasspath} replaces
 * it for a child that needs another one.
 *
 * <p>Used by every child JVM the library starts: the process pool's workers
 * ({@code WorkerLauncher}), the benchmarks' helper JVMs and the homework solutions' runner.
 *
 * <p>Thread safety: an immutable value; every {@code with...} method returns a new command.
 */
public final class JvmCommand {

    /** The environment variable a notebook kernel sets to the lib jar and its dependencies. */
    public static final String CLASSPATH_VARIABLE = "COURSE_CLASSPATH";

    /** The flags every child JVM gets, before any other flag. */
    public static final List<String> BASE_FLAGS = List.of("--enable-preview", "-Djava.awt.headless=true");

    private final String java;
    private final String classpath;
    private final List<String> flags;
    private final String mainClass;
    private final List<String> args;

    private JvmCommand(String java, String classpath, List<String> flags, String mainClass, List<String> args) {
        this.java = java;
        this.classpath = classpath;
        this.flags = List.copyOf(flags);
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
    }

    /**
     * Returns the command that runs {@code mainClass} with the parent's java binary and the
     * course classpath, no extra flags and no arguments.
     *
     * @throws NullPointerException if {@code mainClass} is null
     */
    public static JvmCommand of(Class<?> mainClass) {
        return of(Objects.requireNonNull(mainClass, "mainClass").getName());
    }

    /**
     * Returns the command that runs the class named {@code mainClass}.
     *
     * @throws IllegalArgumentException if {@code mainClass} is null or blank
     */
    public static JvmCommand of(String mainClass) {
        if (mainClass == null || mainClass.isBlank()) {
            throw new IllegalArgumentException("a child JVM needs a main class, got '" + mainClass + "'");
        }
        return new JvmCommand(java(), courseClasspath(), List.of(), mainClass, List.of());
    }

    /**
     * Returns this command with another java binary.
     *
     * @throws IllegalArgumentException if {@code java} is null or blank
     */
    public JvmCommand withJava(String java) {
        if (java == null || java.isBlank()) {
            throw new IllegalArgumentException("the java binary is missing; accepted: a path such as /usr/bin/java");
        }
        return new JvmCommand(java, classpath, flags, mainClass, args);
    }

    /**
     * Returns this command with another classpath (entries joined with the platform's path
     * separator).
     *
     * @throws NullPointerException if {@code classpath} is null
     */
    public JvmCommand withClasspath(String classpath) {
        return new JvmCommand(java, Objects.requireNonNull(classpath, "classpath"), flags, mainClass, args);
    }

    /**
     * Returns this command with {@code extra} JVM flags added after the ones it has.
     *
     * @throws IllegalArgumentException if a flag is null or does not start with {@code -}
     */
    public JvmCommand withFlags(String... extra) {
        return withFlags(List.of(extra));
    }

    /**
     * Returns this command with {@code extra} JVM flags added after the ones it has.
     *
     * @throws IllegalArgumentException if a flag is null or does not start with {@code -}
     */
    public JvmCommand withFlags(List<String> extra) {
        List<String> all = new ArrayList<>(flags);
        for (String flag : extra) {
            if (flag == null || !flag.startsWith("-")) {
                throw new IllegalArgumentException("JVM flag '" + flag + "' is not accepted; accepted: a flag"
                        + " starting with '-', e.g. -Xmx2g or -Dname=value");
            }
            all.add(flag);
        }
        return new JvmCommand(java, classpath, all, mainClass, args);
    }

    /**
     * Returns this command with {@code more} arguments for the main class, after the ones it has.
     *
     * @throws NullPointerException if an argument is null
     */
    public JvmCommand withArgs(String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new JvmCommand(java, classpath, flags, mainClass, all);
    }

    /**
     * Returns the whole command: java, {@link #BASE_FLAGS}, the extra flags, {@code -cp}
     * and the classpath, the main class, the arguments.
     */
    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(BASE_FLAGS);
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return List.copyOf(command);
    }

    /** Returns a process builder for {@link #toList()}; its environment and redirects are the JDK's defaults. */
    public ProcessBuilder processBuilder() {
        return new ProcessBuilder(toList());
    }

    /** Returns the java binary this command starts. */
    public String javaBinary() {
        return java;
    }

    /** Returns the classpath this command passes with {@code -cp}. */
    public String classpath() {
        return classpath;
    }

    /** Returns the running JVM's launcher if it is an executable named {@code java...}, else {@code java.home/bin/java}. */
    public static String java() {
        String fromHome = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(fromHome);
    }

    /** Returns {@value #CLASSPATH_VARIABLE} if set and not blank, else this JVM's {@code java.class.path}. */
    public static String courseClasspath() {
        return courseClasspath(System.getenv(CLASSPATH_VARIABLE));
    }

    /** Returns {@code fromEnvironment} if it is not null or blank, else this JVM's {@code java.class.path}. */
    public static String courseClasspath(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty("java.class.path", "");
    }

    @Override
    public String toString() {
        return String.join(" ", toList());
    }
}
