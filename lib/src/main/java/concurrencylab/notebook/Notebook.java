package concurrencylab.notebook;

import concurrencylab.util.Require;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The bridge between the library and the notebook kernel's display system.
 *
 * <p>The kernel's startup ({@link CourseKernel}) calls {@link #install} with the kernel's own {@code display}
 * and {@code updateDisplay} functions; library code then shows objects mid-cell with
 * {@link #display} and keeps one updating line with {@link #progress}. Outside a notebook
 * (unit tests, {@code ./course bench}) both fall back to standard output.
 *
 * {@snippet :
 * Notebook.display(Charts.bar(...));           // shows a chart now, mid-cell
 * var p = Notebook.progress("primes");
 * p.update("run 3 of 5");                      // rewrites the same output line
 * }
 *
 * <p>Thread safety: every method may be called from any thread; the installed functions are
 * published through volatile fields.
 */
public final class Notebook {
    private static volatile Function<Object, String> displayFn;
    private static volatile BiConsumer<String, Object> updateFn;

    private Notebook() {}

    /**
     * Connects the library to a kernel's display functions; called by {@link CourseKernel#start()}.
     *
     * @throws NullPointerException if either function is null
     */
    public static void install(Function<Object, String> display, BiConsumer<String, Object> update) {
        displayFn = Require.nonNull("display", display);
        updateFn = Require.nonNull("update", update);
    }

    /** Returns true when running inside the course kernel (after {@link #install}). */
    public static boolean inKernel() {
        return displayFn != null;
    }

    /** Shows an object now (a chart as PNG, a table as HTML, anything else as text). */
    public static void display(Object value) {
        var fn = displayFn;
        if (fn == null) {
            System.out.println(value instanceof Table t ? t.print() : String.valueOf(value));
        } else {
            fn.apply(value);
        }
    }

    /** Returns a single output line that later calls to {@link Progress#update} rewrite in place. */
    public static Progress progress(String label) {
        return new Progress(label, displayFn, updateFn);
    }

    /** Encodes a chart as a base64 PNG, the form Jupyter wants for {@code image/png}. */
    public static String pngBase64(Chart<?, ?> chart) {
        return pngBase64(BitmapEncoder.getBufferedImage(chart));
    }

    /** Encodes an image as a base64 PNG, the form Jupyter wants for {@code image/png}. */
    public static String pngBase64(BufferedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Renders a Tablesaw table as an HTML table (its name as the caption). */
    public static String html(Table table) {
        return TableHtml.render(table);
    }
}
