package concurrencylab.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link JvmCommand}: the one builder of child-JVM command lines. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmCommandTest {

    @Test
    @DisplayName("java, preview and headless first, then the extra flags, -cp, the main class and its arguments")
    void orderOfTheParts() {
        List<String> command = JvmCommand.of("com.example.Main").withJava("/jdk/bin/java").withClasspath("a.jar:b.jar")
                .withFlags("-Xmx64m").withFlags(List.of("-Dx=1")).withArgs("one").withArgs("two").toList();
        assertEquals(List.of("/jdk/bin/java", "--enable-preview", "-Djava.awt.headless=true", "-Xmx64m", "-Dx=1",
                "-cp", "a.jar:b.jar", "com.example.Main", "one", "two"), command);
    }

    @Test
    @DisplayName("by default: this JVM's own java binary, and the course classpath (COURSE_CLASSPATH, else java.class.path)")
    void defaults() {
        JvmCommand c = JvmCommand.of(JvmCommandTest.class);
        assertTrue(Files.isExecutable(Path.of(c.javaBinary())), c.javaBinary());
        assertTrue(Path.of(c.javaBinary()).getFileName().toString().startsWith("java"), c.javaBinary());
        assertEquals("from-env.jar", JvmCommand.courseClasspath("from-env.jar"));
        assertEquals(System.getProperty("java.class.path"), JvmCommand.courseClasspath(" "));
        assertEquals(System.getProperty("java.class.path"), JvmCommand.courseClasspath(null));
        assertEquals(JvmCommand.courseClasspath(), c.classpath());
    }

    @Test
    @DisplayName("a blank main class, a blank java binary or a flag without '-' is refused with what is accepted")
    void badPartsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JvmCommand.of(" ")).getMessage()
                .contains("main class"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JvmCommand.of("M").withJava(""))
                .getMessage().contains("accepted"));
        var flag = assertThrows(IllegalArgumentException.class, () -> JvmCommand.of("M").withFlags("Xmx1g"));
        assertTrue(flag.getMessage().contains("'Xmx1g'") && flag.getMessage().contains("starting with '-'"),
                flag.getMessage());
    }

    @Test
    @DisplayName("the command starts a child JVM that runs the main class with preview on and headless")
    void startsAChild() throws Exception {
        Process child = JvmCommand.of(Child.class).withClasspath(System.getProperty("java.class.path"))
                .withArgs("hello").processBuilder().redirectErrorStream(true).start();
        try {
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not end");
            String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), out);
            assertEquals("hello preview=true headless=true", out.strip());
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child JVM of {@link #startsAChild}: prints its argument and what its JVM was started with. */
    static final class Child {
        public static void main(String[] args) {
            boolean preview = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                    .contains("--enable-preview");
            System.out.println(args[0] + " preview=" + preview + " headless=" + Boolean.getBoolean("java.awt.headless"));
        }
    }
}
