/**
 * The end of lesson 7: the summary and the homework, as the notebooks show them. Part of the lab
 * around the library students read.
 *
 * <h2>Summary (notebook {@code 07.7-Summary})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.summary.ModelDecisionTable}: job, model, why, Java API.</li>
 *   <li>{@link concurrencylab.lab.summary.LessonMindMap}: the lesson's mind map, drawn with Java2D
 *       (an image renders everywhere, Mermaid only in JupyterLab).</li>
 * </ul>
 *
 * <h2>Homework (notebook {@code 07.8-Homework})</h2>
 * <ul>
 *   <li>{@link concurrencylab.lab.summary.HomeworkSolutions}: compiles and runs the reference
 *       solutions in a child JVM ({@code concurrencylab.exec.JvmCommand}), on request
 *       ({@code COURSE_SHOW_SOLUTIONS=1}).</li>
 * </ul>
 * The homework itself (starter code, grading tests, security scan) is the Maven module
 * {@code homework/}, graded by {@code ./course grade}.
 */
package concurrencylab.lab.summary;
