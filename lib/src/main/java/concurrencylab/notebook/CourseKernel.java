package concurrencylab.notebook;

import concurrencylab.kernel.JJavaHook;
import concurrencylab.kernel.KernelDisplay;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * What the course kernel's startup script ({@code kernel-setup/startup.jshell}) runs once,
 * after its imports: an XChart chart or a {@link BufferedImage} as a cell's value renders as an
 * inline PNG, a Tablesaw table and any {@link HtmlView} as HTML; {@link Notebook#display} shows
 * through the kernel; the JVM ends with the kernel ({@link KernelExit}); an interrupt stops what
 * the cell started ({@link JJavaHook}).
 *
 * <p>Compiled here rather than written in the startup script, so the kernel start does not pay
 * JShell to compile it (one snippet instead of a method with fifteen lambdas, and three calls).
 * Thread-safe; meant to be called once, by the startup script.
 */
public final class CourseKernel {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CourseKernel() {
    }

    /**
     * Sets up the running JJava kernel for the course, once: outside a JJava kernel, and when
     * called again, it does nothing.
     * A part that cannot be set up (a JJava whose API has changed) is reported on standard
     * error and skipped; the kernel then runs without it.
     *
     * @return {@code "started"}, or what was skipped and why, or why nothing was done
     */
    public static String start() {
        try {
            return startOnce();
        } finally {
            releaseKernelPorts();   // whatever happened above: JJava binds right after this
        }
    }

    private static String startOnce() {
        if (!KernelDisplay.inJJavaKernel()) {
            return "not in a JJava kernel: nothing to set up";
        }
        if (!STARTED.compareAndSet(false, true)) {
            return "started already";
        }
        List<String> skipped = new ArrayList<>();
        try {
            KernelDisplay.register(Chart.class, "image/png", chart -> Notebook.pngBase64((Chart<?, ?>) chart));
            KernelDisplay.register(BufferedImage.class, "image/png", Notebook::pngBase64);
            KernelDisplay.register(Table.class, "text/html", Notebook::html, Table::print);
            KernelDisplay.register(HtmlView.class, "text/html", HtmlView::toHtml, HtmlView::toText);
            Notebook.install(KernelDisplay::display, KernelDisplay::updateDisplay);
        } catch (IllegalStateException e) {
            String why = "course kernel: charts and tables show as text: " + e.getMessage();
            System.err.println(why);
            skipped.add(why);
        }
        KernelExit.whenMainEnds();
        String hook = JJavaHook.install(); // prints why on standard error when it cannot install
        if (!hook.equals("installed")) {
            skipped.add(hook);
        }
        return skipped.isEmpty() ? "started" : String.join("; ", skipped);
    }

    /** The system property under which the kernel's launcher leaves the release of its ports. */
    static final String RELEASE_PORTS_KEY = "concurrencylab.kernel.releasePorts";

    /**
     * Lets go of the kernel's five ports, which the kernel's launcher
     * ({@code kernel-setup/launcher/PortGuard.java}) has held since the JVM started so that no
     * other connection could take one; JJava binds them right after the startup script, of which
     * this is the last call. Does nothing when the kernel was started without the launcher.
     *
     * @return whether there was something to release
     */
    static boolean releaseKernelPorts() {
        Object release = System.getProperties().remove(RELEASE_PORTS_KEY);
        if (release instanceof Runnable r) {
            r.run();
            return true;
        }
        return false;
    }
}
