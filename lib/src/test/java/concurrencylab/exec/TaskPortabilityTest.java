package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.tasks.LabTasks;
import concurrencylab.tasks.PortableCallable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Detecting, at submit, tasks that exist only in this JVM (notebook cells) or cannot be serialized. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TaskPortabilityTest {

    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    @Test
    @DisplayName("a lambda written in a real JShell session is refused at submit with the notebook-cell explanation")
    void jshellLambdaIsRefused() throws Exception {
        Object cellLambda = fromJShell("""
                concurrencylab.exec.JShellHandoff.value =
                    (concurrencylab.tasks.PortableCallable<Integer>) () -> 6 * 7;""");
        assertTrue(TaskPortability.isJShellClass(cellLambda.getClass()), cellLambda.getClass().getName());
        try (var pool = ProcessPool.of(1)) {
            var e = assertThrows(TaskNotPortableException.class, () -> pool.submit((Callable<?>) cellLambda));
            assertExplainsNotebookCell(e);
            assertTrue(e.getMessage().contains("defined in a notebook cell"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an instance of a record declared in a JShell cell is refused at submit")
    void jshellRecordIsRefused() throws Exception {
        Object cellTask = fromJShell("""
                record CellTask() implements concurrencylab.tasks.PortableCallable<Integer> {
                    public Integer call() { return 1; }
                }
                concurrencylab.exec.JShellHandoff.value = new CellTask();""");
        try (var pool = ProcessPool.of(1)) {
            assertExplainsNotebookCell(assertThrows(TaskNotPortableException.class,
                    () -> pool.submit((Callable<?>) cellTask)));
        }
    }

    @Test
    @DisplayName("a class defined by a custom class loader with no code source (like JShell's) is refused")
    void customLoaderClassIsRefused() throws Exception {
        Object foreign = isolatedBoom(null);
        assertNotSame(Boom.class, foreign.getClass());
        var e = assertThrows(TaskNotPortableException.class, () -> portability(CLASSPATH).serialize(foreign));
        assertExplainsNotebookCell(e);
        assertTrue(e.getMessage().contains("isolating-test-loader"), "names the loader: " + e.getMessage());
        assertEquals(Boom.class.getName(), e.offendingClass());
    }

    @Test
    @DisplayName("a class from a custom loader is accepted when its code comes from an entry of the worker classpath")
    void customLoaderClassOnWorkerClasspathIsAccepted() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Object foreign = isolatedBoom(classes.toUri().toURL());
        assertTrue(portability(classes.toString()).serialize(foreign).length > 0);
        var e = assertThrows(TaskNotPortableException.class,
                () -> portability(dir.resolve("elsewhere").toString()).serialize(foreign));
        assertTrue(e.getMessage().contains(classes.toString()) && e.getMessage().contains("COURSE_CLASSPATH"),
                "names the jar or directory and the variable to set: " + e.getMessage());
    }

    @Test
    @DisplayName("a lambda that is not Serializable is refused, saying so")
    void nonSerializableLambdaIsRefused() {
        Callable<Integer> plain = () -> 1;
        var e = assertThrows(TaskNotPortableException.class, () -> portability(CLASSPATH).serialize(plain));
        assertTrue(e.getMessage().contains("lambda that is not Serializable"), e.getMessage());
        assertExplainsNotebookCell(e);
    }

    @Test
    @DisplayName("a serializable lambda capturing a non-serializable object is refused, naming that object's class")
    void capturedNonSerializableIsRefused() {
        Thread captured = Thread.currentThread();
        PortableCallable<String> lambda = () -> captured.getName();
        var e = assertThrows(TaskNotPortableException.class, () -> portability(CLASSPATH).serialize(lambda));
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    }

    @Test
    @DisplayName("every LabTasks task and a classpath lambda serialize for workers")
    void classpathTasksAreAccepted() {
        PortableCallable<Integer> lambda = () -> 3;
        var portability = portability(CLASSPATH);
        for (Object task : List.of(LabTasks.countPrimes(0, 10), LabTasks.sha256Hex("x", 1), LabTasks.sleep(1),
                LabTasks.reportExecutionSite(), LabTasks.noop(), LabTasks.fetchLength("http://localhost:1/", 10), lambda)) {
            assertTrue(portability.serialize(task).length > 0, task.toString());
        }
    }

    private static TaskPortability portability(String classpath) {
        return new TaskPortability(classpath);
    }

    private static Object isolatedBoom(java.net.URL location) throws Exception {
        Class<?> c = new IsolatingLoader(Boom.class.getName(), location).loadClass(Boom.class.getName());
        var constructor = c.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        return constructor.newInstance("from another loader");
    }

    private static void assertExplainsNotebookCell(TaskNotPortableException e) {
        String m = e.getMessage();
        assertTrue(m.contains("notebook cell") && m.contains("JShell"), m);
        assertTrue(m.contains("serialization sends") && m.contains("class's name") && !m.contains("pickle"),
                "says why in Java terms (serialization carries no class code), not Python's: " + m);
        assertTrue(m.contains("LabTasks") && m.contains("classpath"), "says what to do: " + m);
    }

    /** Runs snippets in a JShell inside this JVM (as a notebook kernel does) and returns JShellHandoff.value. */
    private static Object fromJShell(String source) {
        JShellHandoff.value = null;
        try (JShell shell = JShell.builder().executionEngine("local")
                .compilerOptions("--enable-preview", "--release", "25", "--class-path", CLASSPATH).build()) {
            String rest = source;
            while (!rest.isBlank()) {
                var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                for (SnippetEvent event : shell.eval(info.source())) {
                    assertNull(event.exception(), "snippet threw: " + event.exception());
                    assertNotEquals(Snippet.Status.REJECTED, event.status(),
                            "snippet rejected: " + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                }
                rest = info.remaining();
            }
        }
        return assertInstanceOf(Object.class, JShellHandoff.value, "the snippet set JShellHandoff.value");
    }
}
