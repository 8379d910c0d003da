package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a worker JVM is started: the parent's own {@code java} binary, preview on, headless,
 * and the classpath from {@code COURSE_CLASSPATH} or, if unset, {@code java.class.path}.
 */
record WorkerLauncher(String java, String classpath) {

    /** The environment variable a notebook kernel sets to the lib jar and its dependencies. */
    static final String CLASSPATH_VARIABLE = "COURSE_CLASSPATH";

    static WorkerLauncher fromEnvironment() {
        return new WorkerLauncher(findJava(), classpath(System.getenv(CLASSPATH_VARIABLE)));
    }

    static String classpath(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty("java.class.path", "");
    }

    /** Returns the running JVM's launcher if it is a java binary, else java.home/bin/java. */
    static String findJava() {
        String fromHome = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(fromHome);
    }

    List<String> command(int poolId, int index) {
        return List.of(java, "--enable-preview", "-Djava.awt.headless=true",
                "-D" + LabTasks.WORKER_PROPERTY + "=true", "-Dconcurrencylab.worker.pool=" + poolId,
                "-XX:+UseSerialGC", "-XX:+DisplayVMOutputToStderr",
                "-cp", classpath, ProcessWorker.class.getName(), Integer.toString(index));
    }

    @Override
    public String toString() {
        int entries = classpath.isEmpty() ? 0 : classpath.split(File.pathSeparator).length;
        return java + " with " + entries + " classpath entries";
    }
}
