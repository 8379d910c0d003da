package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
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
 * java --enable-preview -cp LIB concurrencylab.exec.ProcessWorker 0 4242   # index, parent pid; started by ProcessPool
 * }
 * <p>Thread safety: single-threaded apart from the parent watcher.
 */
public final class ProcessWorker {

    private static final long PARENT_POLL_MILLIS = 200;
    /** At most this many rounds of {@link #warmUpWirePath}: about where C2 has compiled the path. */
    static final int WARM_UP_ROUNDS = 2000;

    private ProcessWorker() {
    }

    /**
     * Runs the worker loop until stdin closes.
     *
     * @param args the worker's index in its pool, and the pid of the parent JVM to watch
     * @throws IOException if stdout (the reply pipe) fails
     */
    public static void main(String[] args) throws IOException {
        var replies = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        if (args.length != 2) {
            System.err.println("usage: ProcessWorker INDEX PARENT_PID (started by concurrencylab.exec.ProcessPool)");
            System.exit(2);
        }
        Thread.currentThread().setName("process-worker-" + args[0]);
        watchParent(Long.parseLong(args[1]));
        var tasks = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        WireFormat.writeHandshake(replies, ProcessHandle.current().pid());
        long warmUpMillis = Long.getLong(WorkerLauncher.WARM_UP_PROPERTY, 0);
        while (true) {
            byte[] task;
            try {
                task = WireFormat.readTask(tasks);
            } catch (EOFException parentClosedStdin) {
                break;
            }
            runAndReply(task, replies);
            // after the first reply, not before the first task: a worker booting beside this
            // one, and the parent, get the cores while the pool's first result is on its way
            warmUpWirePath(warmUpMillis, WARM_UP_ROUNDS, () -> tasks.available() == 0);
            warmUpMillis = 0;
        }
        System.exit(0);
    }

    /** Whether the worker may go on warming up; false ends the warm-up. */
    @FunctionalInterface
    interface Idle {
        boolean stillIdle() throws IOException;
    }

    /**
     * Runs the per-task path of this loop (deserialize a task, serialize its result) on a
     * sample task in memory, {@code rounds} times, until {@code budgetMillis} have passed, or
     * until {@code idle} says a task is waiting, whichever comes first; so that the JIT has
     * compiled the path by the time tasks come in a stream. Without this, a CPU-bound job cut
     * into tens of chunks runs its whole life on interpreted Java serialization, several
     * times slower per task than once compiled (figures: datasets/reference/MACHINE.md).
     * It runs once, after the worker's first reply, and only in idle time: a worker whose
     * second task is already waiting skips it, and a task arriving meanwhile waits for one
     * round at most. Writes nothing to stdout; a failure
     * only ends the warm-up.
     *
     * @return the number of rounds done
     */
    static int warmUpWirePath(long budgetMillis, int rounds, Idle idle) {
        if (budgetMillis <= 0) {
            return 0;
        }
        long deadline = System.nanoTime() + budgetMillis * 1_000_000;
        int done = 0;
        try {
            byte[] task = WireFormat.serialize(LabTasks.countPrimes(0, 1));
            for (; done < rounds && System.nanoTime() - deadline < 0 && idle.stillIdle(); done++) {
                Object sample = WireFormat.deserialize(task);
                WireFormat.serialize((long) done);
                WireFormat.serialize(sample.hashCode());
                WireFormat.serialize(Integer.toString(done));
            }
        } catch (IOException closedOrBroken) {
            // stdin closed while warming up: the pool is shutting down, and the task loop
            // that follows sees the end of input and exits; nothing to tell anybody
        } catch (ClassNotFoundException | RuntimeException e) {
            System.err.println("warm-up of the task path stopped: " + e);
        }
        return done;
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

    /**
     * Exits when the parent dies: via onExit(), and by polling whether this process's parent
     * is still {@code parentPid} (an orphan is re-parented to init or a subreaper).
     */
    private static void watchParent(long parentPid) {
        if (currentParentPid() != parentPid) {
            Runtime.getRuntime().halt(0);
        }
        ProcessHandle.of(parentPid).ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            while (currentParentPid() == parentPid) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        });
    }

    private static long currentParentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
