package concurrencylab.notebook;

/**
 * An object that shows itself as HTML when it is a cell's value in the course kernel, and as
 * text everywhere else (a terminal, a test's message, {@code ./course bench}).
 *
 * <p>The course kernel renders every {@code HtmlView} with {@link #toHtml()} (and offers
 * {@link #toText()} as the plain-text form); {@code CourseKernel} registers it. The thread dumps
 * of {@code 07.5-Debugging-Toolbox} are the lesson's examples. Implementations say whether they
 * are thread-safe.
 */
public interface HtmlView {
    /** Returns this object as an HTML fragment. */
    String toHtml();

    /** Returns this object as plain text. */
    String toText();
}
