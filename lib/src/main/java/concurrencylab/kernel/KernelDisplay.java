package concurrencylab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The running JJava kernel's display system, reached by reflection: how a type renders when it
 * is a cell's value, and showing or updating an object in the middle of a cell.
 *
 * {@snippet :
 * KernelDisplay.register(Table.class, "text/html", Notebook::html, Table::print);
 * String id = KernelDisplay.display(table);        // shows it now, as HTML
 * KernelDisplay.updateDisplay(id, otherTable);     // replaces what that output shows
 * }
 *
 * <p>Like {@link JJavaHook}, it has no build dependency on JJava (its jar is not on Maven
 * Central): it calls JJava 1.0-a8's public API by name, {@code Renderer.createRegistration},
 * {@code RenderContext.renderIfRequested} and {@code BaseNotebookStatics.display}, and
 * implements JJava's {@code RenderFunction} with a {@link Proxy}. The course kernel's startup
 * calls it through {@code concurrencylab.notebook.CourseKernel}, compiled here, so that the kernel
 * start does not pay JShell to compile the registrations.
 *
 * <p>Thread safety: {@link #display} and {@link #updateDisplay} may be called from any thread;
 * {@link #register} changes JJava's renderer, which is not thread-safe: call it once, at start.
 */
public final class KernelDisplay {
    private static final String PACKAGE = "org.dflib.jjava.jupyter.kernel.display.";
    private static final String PLAIN_TEXT = "text/plain";

    private KernelDisplay() {
    }

    /** Returns true when this JVM runs a JJava kernel (its notebook kernel has been created). */
    public static boolean inJJavaKernel() {
        try {
            return kernel() != null;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof NullPointerException) {
                return false; // notebookKernel() before the kernel started or after it ended
            }
            throw new IllegalStateException("the JJava kernel's API is not JJava 1.0-a8's: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JJava kernel's API is not JJava 1.0-a8's: " + e, e);
        }
    }

    /**
     * Registers how values of {@code type} (and of its subtypes) render: as {@code mimeType},
     * made by {@code render}, with JJava's {@code String.valueOf} as the plain-text form.
     *
     * @throws IllegalStateException if no JJava kernel runs in this JVM, or its API is not the
     *                               one this class knows (the message says which part)
     */
    public static <T> void register(Class<T> type, String mimeType, Function<? super T, ?> render) {
        registerRenderer(type, mimeType, render, null);
    }

    /**
     * Registers how values of {@code type} (and of its subtypes) render: as {@code mimeType},
     * made by {@code render}, preferred; and as {@code text/plain}, made by {@code plainText}.
     *
     * @throws IllegalStateException as {@link #register(Class, String, Function)}
     */
    public static <T> void register(Class<T> type, String mimeType, Function<? super T, ?> render,
                                    Function<? super T, String> plainText) {
        registerRenderer(type, mimeType, render, Objects.requireNonNull(plainText, "plainText"));
    }

    /**
     * Shows {@code value} now, below the running cell, rendered as registered.
     *
     * @return the display's id, for {@link #updateDisplay}
     * @throws IllegalStateException if no JJava kernel runs in this JVM
     */
    public static String display(Object value) {
        return (String) call(displayMethod("display", Object.class), null, value);
    }

    /**
     * Replaces what the display {@code id} shows with {@code value}, rendered as registered.
     *
     * @throws IllegalStateException if no JJava kernel runs in this JVM
     */
    public static void updateDisplay(String id, Object value) {
        call(displayMethod("updateDisplay", String.class, Object.class), null, id, value);
    }

    private static <T> void registerRenderer(Class<T> type, String mimeType, Function<? super T, ?> render,
                                             Function<? super T, String> plainText) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(render, "render");
        try {
            if (!inJJavaKernel()) {
                throw new IllegalStateException("no JJava kernel runs in this JVM (BaseKernel.notebookKernel() has none)");
            }
            Object kernel = kernel();
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            ClassLoader jjava = renderer.getClass().getClassLoader();
            Class<?> mime = Class.forName(PACKAGE + "mime.MIMEType", false, jjava);
            Method parse = mime.getMethod("parse", String.class);
            Method renderIfRequested = Class.forName(PACKAGE + "RenderContext", false, jjava)
                    .getMethod("renderIfRequested", mime, Supplier.class);
            Object preferred = parse.invoke(null, mimeType);
            Object text = parse.invoke(null, PLAIN_TEXT);

            Object registration = renderer.getClass().getMethod("createRegistration", Class.class).invoke(renderer, type);
            registration.getClass().getMethod("preferring", String[].class).invoke(registration, (Object) new String[] {mimeType});
            if (plainText != null) {
                registration.getClass().getMethod("supporting", String[].class).invoke(registration, (Object) new String[] {PLAIN_TEXT});
            }
            Class<?> renderFunction = Class.forName(PACKAGE + "RenderFunction", false, jjava);
            Object function = Proxy.newProxyInstance(jjava, new Class<?>[] {renderFunction}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "render" -> {
                            T value = type.cast(args[0]);
                            call(renderIfRequested, args[1], preferred, (Supplier<Object>) () -> render.apply(value));
                            if (plainText != null) {
                                call(renderIfRequested, args[1], text, (Supplier<Object>) () -> plainText.apply(value));
                            }
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "course renderer of " + type.getName() + " as " + mimeType;
                        default -> throw new UnsupportedOperationException(method.toString());
                    });
            registration.getClass().getMethod("register", renderFunction).invoke(registration, function);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no JJava kernel runs in this JVM (class " + e.getMessage() + " not found)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JJava kernel's display API is not JJava 1.0-a8's: " + e, e);
        }
    }

    /** Returns the running JJava kernel (BaseKernel.notebookKernel()); JJavaHook uses it too. */
    static Object kernel() throws ReflectiveOperationException {
        return Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel").getMethod("notebookKernel").invoke(null);
    }

    private static Method displayMethod(String name, Class<?>... parameters) {
        try {
            return Class.forName("org.dflib.jjava.jupyter.kernel.BaseNotebookStatics").getMethod(name, parameters);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no JJava kernel runs in this JVM (class " + e.getMessage() + " not found)", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the JJava kernel's display API is not JJava 1.0-a8's: " + e, e);
        }
    }

    /** Invokes {@code method}, rethrowing what it threw as it was (an unchecked exception or error). */
    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(method.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call JJava's " + method + ": " + e, e);
        }
    }
}
