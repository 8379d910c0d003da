package concurrencylab.exec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a task can run in a worker JVM, and serializes it if so. A class is
 * portable when the JDK defines it, when the application class loader (or an ancestor)
 * defines it, or when its code comes from an entry of the workers' classpath; a JShell
 * class never is. Every class in the task's serialized object graph is checked.
 */
final class TaskPortability {

    private static final String ADVICE = """
             A lambda or class defined in a notebook cell (JShell) exists only in this kernel's JVM: \
            Java serialization sends an object's fields and its class's name, never the class's code, \
            so a worker JVM has no class to deserialize the task into. Use a task from LabTasks (e.g. LabTasks.countPrimes(1, 1_000_000)) \
            or a Serializable class on the classpath (in lib/), or run this task on ExecutorKind.PLATFORM \
            or ExecutorKind.VIRTUAL instead.""";

    private final Set<Path> entries = new HashSet<>();
    private final Set<Path> wildcardDirs = new HashSet<>();

    TaskPortability(String workerClasspath) {
        for (String entry : workerClasspath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                wildcardDirs.add(normalize(Path.of(entry.substring(0, entry.length() - 1))));
            } else {
                entries.add(normalize(Path.of(entry)));
            }
        }
    }

    /**
     * Serializes {@code task} for a worker, checking every class in its object graph.
     *
     * @throws TaskNotPortableException if a class cannot be loaded by a worker or an object is not serializable
     */
    byte[] serialize(Object task) {
        requirePortableClass(task.getClass(), task);
        if (!(task instanceof Serializable)) {
            throw notPortable(task, task.getClass(), notSerializableReason(task.getClass()), null);
        }
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new CheckingOutputStream(bytes, task)) {
            out.writeObject(task);
        } catch (NotSerializableException e) {
            throw notPortable(task, null, "it refers to an object of class " + e.getMessage()
                    + ", which is not Serializable", e);
        } catch (IOException e) {
            throw notPortable(task, null, "it could not be serialized (" + e + ")", e);
        }
        return bytes.toByteArray();
    }

    private void requirePortableClass(Class<?> c, Object task) {
        if (isJShellClass(c)) {
            throw notPortable(task, c, "it was defined in a notebook cell (its class " + c.getName()
                    + " is a JShell class)", null);
        }
        if (!loadableByWorkers(c)) {
            Path home = codeLocation(c);
            throw notPortable(task, c, home == null
                    ? "its class " + c.getName() + " was loaded by " + describe(c.getClassLoader())
                      + ", a class loader the worker JVMs do not have, from no file they could read;"
                      + " that is what a class defined in a notebook cell (JShell) looks like"
                    : "its class " + c.getName() + " comes from " + home + ", which is not on the worker"
                      + " classpath (set " + WorkerLauncher.CLASSPATH_VARIABLE + " to the library jar and its"
                      + " dependencies, as the course kernel does)", null);
        }
    }

    private static String describe(ClassLoader loader) {
        String name = loader.getName();
        return name == null ? loader.toString() : "class loader '" + name + "' (" + loader.getClass().getName() + ")";
    }

    static boolean isJShellClass(Class<?> c) {
        String name = c.getName();
        return name.startsWith("REPL.") || name.contains("$JShell$");
    }

    private boolean loadableByWorkers(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null) {
            return true;
        }
        for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return onWorkerClasspath(c);
    }

    private boolean onWorkerClasspath(Class<?> c) {
        Path path = codeLocation(c);
        return path != null && (entries.contains(path)
                || (path.getParent() != null && wildcardDirs.contains(path.getParent())
                    && path.getFileName().toString().endsWith(".jar")));
    }

    /** Returns the jar or directory a class was loaded from, or null (JShell, generated, not a file). */
    private static Path codeLocation(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            return normalize(Path.of(location.toURI()));
        } catch (Exception badLocation) {
            return null;
        }
    }

    private static String notSerializableReason(Class<?> c) {
        if (c.isHidden() || c.isSynthetic()) {
            return "it is a lambda that is not Serializable (a lambda needs the target type PortableCallable<T>,"
                    + " and even then it must be written in a class on the classpath)";
        }
        return "its class " + c.getName() + " is not Serializable";
    }

    private static TaskNotPortableException notPortable(Object task, Class<?> offending, String reason,
                                                        Throwable cause) {
        String name = offending != null ? offending.getName() : task.getClass().getName();
        return new TaskNotPortableException("Cannot send this task to a worker JVM: " + reason + "." + ADVICE,
                name, cause);
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Checks the class of every object written, including the capturing class of a lambda. */
    private final class CheckingOutputStream extends ObjectOutputStream {
        private final Object task;

        CheckingOutputStream(ByteArrayOutputStream out, Object task) throws IOException {
            super(out);
            this.task = task;
        }

        @Override
        protected void annotateClass(Class<?> c) {
            requirePortableClass(c, task);
        }
    }
}
