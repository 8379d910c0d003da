package concurrencylab.kernel;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Connects {@link CellSession} to the running JJava kernel; the kernel's startup calls
 * {@link #install()} once (through {@code concurrencylab.notebook.CourseKernel#start()}).
 *
 * <p>JJava 1.0-a8 has no hook for "a cell starts" or "a cell is interrupted", and its
 * {@code Extension}s (found through {@code META-INF/services}) only get the kernel object at
 * start, which is no more than the startup script has. So this class reaches into the kernel
 * by reflection, without a build dependency on JJava (its jar is not on Maven Central, and
 * {@code lib/} builds before the kernel is installed):
 * <ul>
 *   <li>The evaluation executor ({@code JavaKernel.getEvaluator()} → {@code execControl} →
 *       {@code executor}, a cached pool whose threads run every snippet) is wrapped in a
 *       {@link CellExecutor}: each snippet runs tagged with its cell, and JJava's interrupt,
 *       which calls {@code cancel(true)} on the running snippet's future, now also stops what
 *       the cell started.</li>
 *   <li>The kernel's output streams ({@code JupyterIO.out}/{@code err}, which JJava makes
 *       {@code System.out}/{@code err} during each request) are wrapped in a
 *       {@link CellOutput}, and so is {@code System.out}/{@code err} between requests.</li>
 *   <li>JShell's snippet events tell which cell defined each snippet class, for
 *       {@link CellSession#codeCell}.</li>
 *   <li>The map of snippets in flight ({@code execControl.running}), whose {@code forEach} is
 *       JJava's interrupt, is replaced by an {@link InterruptWatch}: an interrupt that comes
 *       while the cell's next snippet is still being compiled is kept for that snippet instead
 *       of being lost.</li>
 *   <li>The cell number is JJava's execution count ({@code BaseKernel.executionCount}, one
 *       ahead of the running request's count).</li>
 * </ul>
 * The wrappers replace {@code final} fields, which reflection allows on JDK 25 for ordinary
 * classes (JEP 500 plans to restrict this in a later JDK: then the install fails, prints why on
 * the kernel's log, and the kernel runs as JJava alone would). The JVM needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (virtual threads) and
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED},
 * {@code --add-opens java.base/java.util.concurrent=ALL-UNNAMED} (pools never closed); the
 * kernelspec passes them, and without them the clean-up does less and says nothing wrong.
 *
 * <p>Not thread-safe by itself: call once, at the kernel's start.
 */
public final class JJavaHook {
    private JJavaHook() {
    }

    /**
     * Installs cell tracking into the running JJava kernel. Does nothing (and returns why)
     * outside a JJava kernel or when the kernel's layout is not the one this class knows.
     *
     * @return {@code "installed"}, or what went wrong (also printed on standard error)
     */
    public static String install() {
        try {
            Object kernel = KernelDisplay.kernel();
            install(kernel, Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel"));
            return "installed";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            String why = "course kernel: cell tracking is off (interrupts stop only the cell's own thread): " + e;
            System.err.println(why);
            return why;
        }
    }

    private static void install(Object kernel, Class<?> base) throws ReflectiveOperationException {
        Object evaluator = kernel.getClass().getMethod("getEvaluator").invoke(kernel);
        Object execControl = field(evaluator.getClass(), "execControl").get(evaluator);
        Field executorField = field(execControl.getClass(), "executor");
        ExecutorService executor = (ExecutorService) executorField.get(execControl);
        if (executor instanceof CellExecutor) {
            return; // installed already
        }
        AtomicInteger count = (AtomicInteger) field(base, "executionCount").get(kernel);
        Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
        MethodHandle isAttached = MethodHandles.publicLookup().findVirtual(io.getClass(), "isAttached",
                MethodType.methodType(boolean.class)).bindTo(io);
        BooleanSupplier attached = () -> {
            try {
                return (boolean) isAttached.invokeExact();
            } catch (Throwable t) {
                return false;
            }
        };
        CellSession session = new CellSession(() -> attached.getAsBoolean() ? count.get() - 1 : 0,
                CellSession.CLEANUP_BUDGET);

        Field outField = io.getClass().getField("out");
        Field errField = io.getClass().getField("err");
        PrintStream out = (PrintStream) outField.get(io);
        PrintStream err = (PrintStream) errField.get(io);
        CellOutput outRouter = new CellOutput(out, attached, session);
        CellOutput errRouter = new CellOutput(err, attached, session);
        PrintStream markedOut = new PrintStream(outRouter, true, StandardCharsets.UTF_8);
        PrintStream markedErr = new PrintStream(errRouter, true, StandardCharsets.UTF_8);
        outField.setAccessible(true);
        errField.setAccessible(true);
        outField.set(io, markedOut);
        errField.set(io, markedErr);
        System.setOut(markedOut);
        System.setErr(markedErr);
        session.beforeEachSnippet(() -> {
            outRouter.releaseHeld();
            errRouter.releaseHeld();
        });
        session.reportTo(line -> {
            out.println(line);
            out.flush();
        });

        JShell shell = (JShell) kernel.getClass().getMethod("getJShell").invoke(kernel);
        shell.onSnippetEvent(event -> {
            if (event.previousStatus() == Snippet.Status.NONEXISTENT) {
                try {
                    session.snippetCreated(Integer.parseInt(event.snippet().id()));
                } catch (NumberFormatException notNumbered) {
                    // JShell numbers every snippet; any other id has no class to attribute
                }
            }
        });

        Field runningField = field(execControl.getClass(), "running");
        @SuppressWarnings("unchecked")
        java.util.Map<Object, Object> running = (java.util.Map<Object, Object>) runningField.get(execControl);
        InterruptWatch<Object, Object> watch = new InterruptWatch<>(session::interruptRequested);
        watch.putAll(running);
        runningField.set(execControl, watch);
        executorField.set(execControl, new CellExecutor(executor, session));
        CellSession.install(session);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
