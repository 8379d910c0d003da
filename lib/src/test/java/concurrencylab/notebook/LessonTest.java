package concurrencylab.notebook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LessonTest {
    @Test
    void aBlockThatClosesEverythingFinishesClean() throws Exception {
        Lesson lesson = Lesson.start("clean block");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            assertEquals(42, pool.submit(() -> 42).get(10, TimeUnit.SECONDS));
        }
        try (var ignored = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // opened and closed inside the lesson
        }
        assertDoesNotThrow(lesson::finish);
    }

    @Test
    void anExecutorNeverClosedIsReportedByItsThreadName() throws Exception {
        Lesson lesson = Lesson.start("leaky block");
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ExecutorService leaked = Executors.newSingleThreadExecutor(r -> new Thread(r, "planted-leak"));
        try {
            leaked.submit(() -> { started.countDown(); release.await(30, TimeUnit.SECONDS); return null; });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            var e = assertThrows(IllegalStateException.class, lesson::finish);
            assertTrue(e.getMessage().contains("planted-leak"), e.getMessage());
        } finally {
            release.countDown();
            leaked.shutdownNow();
            assertTrue(leaked.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aListeningSocketLeftOpenIsReportedByItsPort() throws Exception {
        Lesson lesson = Lesson.start("socket left open");
        try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var e = assertThrows(IllegalStateException.class, lesson::finish);
            assertTrue(e.getMessage().contains(String.valueOf(server.getLocalPort())), e.getMessage());
        }
    }

    @Test
    void aChildProcessStillRunningIsReported() throws Exception {
        Lesson lesson = Lesson.start("child left running");
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            var e = assertThrows(IllegalStateException.class, lesson::finish);
            assertTrue(e.getMessage().contains(String.valueOf(child.pid())), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void signedPrefixesTheSignature() {
        assertEquals("[程序员晚枫] port 8080 is open", Lesson.signed("port 8080 is open"));
    }

    @Test
    void printSignedPrintsTheSignedLine() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Lesson.printSigned("done");
        } finally {
            System.setOut(original);
        }
        assertEquals("[程序员晚枫] done" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBlankTitleIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Lesson.start(" "));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }
}
