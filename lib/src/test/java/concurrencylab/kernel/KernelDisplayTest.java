package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outside a JJava kernel (here): every call says so. Inside one, checks/tests/test_kernel_start.py. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelDisplayTest {

    @Test
    @DisplayName("outside a JJava kernel, inJJavaKernel is false and register says that no JJava kernel runs")
    void registerOutsideAKernelSaysWhy() {
        assertFalse(KernelDisplay.inJJavaKernel());
        var e = assertThrows(IllegalStateException.class,
                () -> KernelDisplay.register(String.class, "text/html", s -> "<b>" + s + "</b>"));
        assertTrue(e.getMessage().startsWith("no JJava kernel runs in this JVM"), e.getMessage());
    }

    @Test
    @DisplayName("outside a JJava kernel, display and updateDisplay name the JJava class they did not find")
    void displayOutsideAKernelNamesTheMissingClass() {
        var shown = assertThrows(IllegalStateException.class, () -> KernelDisplay.display("x"));
        assertTrue(shown.getMessage().contains("org.dflib.jjava.jupyter.kernel.BaseNotebookStatics"), shown.getMessage());
        var updated = assertThrows(IllegalStateException.class, () -> KernelDisplay.updateDisplay("id", "x"));
        assertTrue(updated.getMessage().contains("not found"), updated.getMessage());
    }

    @Test
    @DisplayName("register rejects a missing type, MIME type, render function or plain-text function by name")
    void registerRejectsNulls() {
        assertTrue(assertThrows(NullPointerException.class,
                () -> KernelDisplay.register(null, "text/html", Object::toString)).getMessage().contains("type"));
        assertTrue(assertThrows(NullPointerException.class,
                () -> KernelDisplay.register(String.class, null, Object::toString)).getMessage().contains("mimeType"));
        assertTrue(assertThrows(NullPointerException.class,
                () -> KernelDisplay.register(String.class, "text/html", null)).getMessage().contains("render"));
        assertTrue(assertThrows(NullPointerException.class,
                () -> KernelDisplay.register(String.class, "text/html", s -> s, null)).getMessage().contains("plainText"));
    }
}
