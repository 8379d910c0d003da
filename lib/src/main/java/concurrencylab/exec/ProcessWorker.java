package concurrencylab.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * The main class of a {@link ProcessPool} worker JVM; not for direct use. It reads
 * serialized tasks from stdin, runs each on its main thread and writes the result or
 * exception to stdout, which nothing else may touch: {@code System.out} is redirected to
 * stderr. It exits on stdin EOF and as soon as its parent process dies.
 *
 * {@snippet lang=sh :
 * java --enable-preview -cp LIB concurrencylab.exec.ProcessWorker 0   # started by ProcessPool
 * }
 * <p>Thread safety: single-threaded apart from the parent watcher.
 */
public final class ProcessWorker {

    private static final long PARENT_POLL_MILLIS = 200;

    private ProcessWorker() {
    }

    /**
     * Runs the worker loop until stdin closes.
     *
     * @param args one argument: the worker's index in its pool
     * @throws IOException if stdout (the reply pipe) fails
     */
    public static void main(String[] args) throws IOException {
        var replies = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        Thread.currentThread().setName("process-worker-" + (args.length > 0 ? args[0] : "?"));
        watchParent();
        var tasks = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        WireFormat.writeHandshake(replies, ProcessHandle.current().pid());
        while (true) {
            byte[] task;
            try {
                task = WireFormat.readTask(tasks);
            } catch (EOFException parentClosedStdin) {
                break;
            }
            runAndReply(task, replies);
        }
        System.exit(0);
    }

    private static void runAndReply(byte[] task, DataOutputStream replies) throws IOException {
        Object result;
        try {
            result = ((Callable<?>) WireFormat.deserialize(task)).call();
        } catch (Throwable t) {
            WireFormat.writeReply(replies, WireFormat.THREW, serializeThrowable(t));
            return;
        }
        byte[] payload;
        try {
            payload = WireFormat.serialize(result);
        } catch (IOException | RuntimeException e) {
            var notSerializable = new NotSerializableException("the task's result of type "
                    + result.getClass().getName() + " is not Serializable, so it cannot come back from the worker: " + e);
            WireFormat.writeReply(replies, WireFormat.THREW, serializeThrowable(notSerializable));
            return;
        }
        WireFormat.writeReply(replies, WireFormat.RESULT, payload);
    }

    private static byte[] serializeThrowable(Throwable t) throws IOException {
        try {
            return WireFormat.serialize(t);
        } catch (IOException | RuntimeException notSerializable) {
            return WireFormat.serialize(RemoteTaskException.copyOf(t));
        }
    }

    /** Exits when the parent dies: via onExit(), and by polling (the parent pid changes when reparented). */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null || !parent.isAlive()) {
            Runtime.getRuntime().halt(0);
        }
        long parentPid = parent.pid();
        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0));
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            while (parent.isAlive() && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        });
    }
}
