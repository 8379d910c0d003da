package concurrencylab.lab.debug;

import concurrencylab.util.RowTable;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One thread as a JSON thread dump saw it: id, name, kind, state and stack.
 *
 * {@snippet :
 * ThreadDump.take().threads().stream()
 *     .filter(DumpedThread::virtual)
 *     .forEach(t -> System.out.println(t.label() + " " + t.state()));
 * }
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param tid     the thread id ({@link Thread#threadId()})
 * @param name    the thread name, often empty for virtual threads
 * @param virtual whether it is a virtual thread
 * @param state   the {@link Thread.State} name, or {@code ""} when the dump does not say
 * @param stack   the frames, innermost first, as the dump printed them
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record DumpedThread(long tid, String name, boolean virtual, String state, List<String> stack) {

    /** Copies the stack so the record stays immutable. */
    public DumpedThread {
        stack = List.copyOf(stack);
    }

    /** Returns the name, or {@code virtual#<tid>} for a nameless virtual thread. */
    public String label() {
        if (!name.isEmpty()) {
            return name;
        }
        return (virtual ? "virtual#" : "thread#") + tid;
    }

    /** Returns the innermost frame, or {@code ""} for an empty stack. */
    public String topFrame() {
        return stack.isEmpty() ? "" : shorten(stack.getFirst());
    }

    /**
     * Returns the innermost frame that is not JDK code (the place in <em>your</em> code
     * where the thread is); when every frame is JDK code (an idle pool worker), the innermost
     * frame above the low-level parking machinery, e.g. {@code LinkedBlockingQueue.take(...)}.
     */
    public String userFrame() {
        return stack.stream().filter(f -> !isJdkFrame(f)).findFirst()
                .or(() -> stack.stream().filter(f -> !isParkingFrame(f)).findFirst())
                .map(DumpedThread::shorten).orElse(topFrame());
    }

    /**
     * Returns the innermost frame that contains one of {@code markers} (e.g.
     * {@code "FutureTask.get"}: where the thread waits), shortened; the top frame if none does.
     */
    private String waitingIn(String... markers) {
        return stack.stream().filter(f -> Arrays.stream(markers).anyMatch(f::contains)).findFirst()
                .map(DumpedThread::shorten).orElse(topFrame());
    }

    /**
     * Returns one row per thread: thread, state, where it waits ({@link #waitingIn} the
     * {@code waitMarkers}) and where it is in your code ({@link #userFrame}).
     */
    public static Table waitTable(String title, List<DumpedThread> threads, String... waitMarkers) {
        return RowTable.of(threads)
                .text("thread", DumpedThread::label)
                .text("state", DumpedThread::state)
                .text("waiting in", t -> t.waitingIn(waitMarkers))
                .text("your code", DumpedThread::userFrame)
                .toTable(title);
    }

    static boolean isParkingFrame(String frame) {
        String f = frame.substring(frame.indexOf('/') + 1);
        return f.startsWith("jdk.internal.") || f.startsWith("java.util.concurrent.locks.")
                || f.startsWith("java.lang.VirtualThread") || f.startsWith("java.lang.Object.wait")
                || f.startsWith("java.lang.Thread.sleep") || f.startsWith("java.lang.System$")
                || f.startsWith("java.util.concurrent.ForkJoinPool.managedBlock")
                || f.startsWith("java.util.concurrent.ForkJoinPool.unmanagedBlock");
    }

    static boolean isJdkFrame(String frame) {
        return frame.startsWith("java.") || frame.startsWith("jdk.")
                || frame.startsWith("sun.") || frame.startsWith("com.sun.");
    }

    /** Drops the module prefix ({@code java.base/}) and the package of a frame. */
    public static String shorten(String frame) {
        String noModule = frame.substring(frame.indexOf('/') + 1);
        int paren = noModule.indexOf('(');
        String method = paren < 0 ? noModule : noModule.substring(0, paren);
        String location = paren < 0 ? "" : noModule.substring(paren);
        int methodDot = method.lastIndexOf('.');
        int classDot = methodDot < 0 ? -1 : method.lastIndexOf('.', methodDot - 1);
        return method.substring(classDot + 1) + location;
    }
}
