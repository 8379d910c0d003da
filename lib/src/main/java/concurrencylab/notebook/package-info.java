/**
 * Notebook glue: how a lesson starts and ends, how library objects look when they are a cell's
 * value, and how big the live runs are. Part of the library students read: it depends on
 * nothing of the lab ({@code concurrencylab.lab.*}) or the entry points; the lab depends on it.
 *
 * <h2>A lesson's run (every notebook, from {@code 07.0-Opening})</h2>
 * <ul>
 *   <li>{@link concurrencylab.notebook.Lesson}: the first cell starts it (title, JDK, cores,
 *       scale), the last cell finishes it with a leak check.</li>
 *   <li>{@link concurrencylab.notebook.LeakWatch}: what that leak check must provide; the lab's
 *       debugging toolbox implements it ({@code concurrencylab.lab.debug.LessonLeakWatch}, found
 *       with {@code ServiceLoader}), so the dependency runs from the lab to this package.</li>
 *   <li>{@link concurrencylab.notebook.Scale}: {@code quick} or {@code full}, from
 *       {@code COURSE_SCALE}.</li>
 * </ul>
 *
 * <h2>Display (notebook {@code 07.0-Opening}; every later notebook relies on it)</h2>
 * <ul>
 *   <li>{@link concurrencylab.notebook.Notebook}: shows an object mid-cell through the kernel
 *       ({@link concurrencylab.notebook.Notebook#install} connects it), and encodes charts as
 *       PNG and tables as HTML.</li>
 *   <li>{@link concurrencylab.notebook.HtmlView}: an object that shows itself as HTML in the
 *       kernel and as text elsewhere (the thread dumps of {@code 07.5}).</li>
 *   <li>{@link concurrencylab.notebook.Progress}: one output line rewritten in place as a long
 *       run goes on.</li>
 * </ul>
 *
 * <h2>The kernel</h2>
 * <ul>
 *   <li>{@link concurrencylab.notebook.CourseKernel}: what {@code kernel-setup/startup.jshell}
 *       runs after its imports: an XChart chart or an image as a cell's value renders as an
 *       inline PNG, a Tablesaw table and an {@code HtmlView} as HTML; {@code KernelExit};
 *       {@code concurrencylab.kernel.JJavaHook}.</li>
 *   <li>{@link concurrencylab.notebook.KernelExit}: ends the kernel's JVM as soon as the kernel's
 *       main thread has returned.</li>
 * </ul>
 *
 * <p>Package-private: {@code TableHtml}, a table as HTML.
 */
package concurrencylab.notebook;
