package concurrencylab.notebook;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One output line that shows how far a long run has got, rewritten in place in a notebook.
 *
 * {@snippet :
 * var progress = Notebook.progress("downloads");
 * for (int run = 1; run <= 5; run++) {
 *     progress.update("run " + run + " of 5");
 * }
 * progress.done("5 runs done");
 * }
 *
 * <p>Thread safety: {@link #update} may be called from any thread; calls are serialized so the
 * line always shows the latest message. Outside a notebook each update is printed as a line,
 * at most one per second, so a terminal is not flooded.
 */
public final class Progress {
    private final String label;
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private String displayId;
    private long lastPrintNanos = Long.MIN_VALUE;

    Progress(String label, Function<Object, String> display, BiConsumer<String, Object> update) {
        this.label = label;
        this.display = display;
        this.update = update;
    }

    /** Replaces the line's text with {@code message}. */
    public synchronized void update(String message) {
        String line = label + ": " + message;
        if (display == null) {
            long now = System.nanoTime();
            if (lastPrintNanos == Long.MIN_VALUE || now - lastPrintNanos >= 1_000_000_000L) {
                System.out.println(line);
                lastPrintNanos = now;
            }
        } else if (displayId == null) {
            displayId = display.apply(line);
        } else {
            update.accept(displayId, line);
        }
    }

    /** Writes the final message, always shown, even outside a notebook. */
    public synchronized void done(String message) {
        lastPrintNanos = Long.MIN_VALUE;
        update(message);
    }
}
