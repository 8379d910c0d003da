package concurrencylab.exec;

import java.io.IOException;
import java.util.Arrays;

/**
 * Completes a task's future from a worker's reply: the result, or the exception the task
 * threw, as thrown (its type, message, causes and suppressed exceptions, whatever the type,
 * see {@link ProcessFuture#fail}), with its remote stack trace and a marker frame naming the
 * worker.
 */
final class RemoteOutcome {

    private RemoteOutcome() {
    }

    static void complete(ProcessFuture<?> task, WireFormat.Reply reply, WorkerProcess w) {
        Object value;
        try {
            value = WireFormat.deserialize(reply.payload());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            task.fail(markRemote(new IllegalStateException(
                    "the reply of " + w + " could not be read in this JVM: " + e, e), w));
            return;
        }
        if (reply.kind() == WireFormat.THREW && value instanceof Throwable t) {
            task.fail(markRemote(t, w));
        } else {
            task.completeWithRemote(value);
        }
    }

    /** Appends a frame naming the worker to {@code t}'s stack trace, below the remote frames. */
    static Throwable markRemote(Throwable t, WorkerProcess w) {
        StackTraceElement[] remote = t.getStackTrace();
        StackTraceElement[] marked = Arrays.copyOf(remote, remote.length + 1);
        marked[remote.length] = new StackTraceElement("concurrencylab.exec.ProcessPool", "remote",
                "ran in worker " + w.index() + ", pid " + w.pid(), -1);
        t.setStackTrace(marked);
        return t;
    }
}
