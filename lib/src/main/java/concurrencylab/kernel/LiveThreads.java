package concurrencylab.kernel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Stream;

/**
 * Every live thread of this JVM as a {@link Thread} object, virtual threads included, and what
 * the JDK knows about each: its thread container, the executor that runs it.
 *
 * <p>{@link Thread#getAllStackTraces()} lists platform threads only. Virtual threads are found
 * the way the JSON thread dump finds them: through the JDK's thread containers
 * ({@code jdk.internal.vm.ThreadContainers}: the root container tracks virtual threads started
 * directly while {@code jdk.trackAllThreads} keeps its default, executors and
 * {@code StructuredTaskScope}s are containers of their own). That package is internal: the
 * kernel's JVM gets {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}. Without it,
 * {@link #virtualThreadsVisible()} is false and only platform threads are listed.
 *
 * <p>The executor of a {@code ThreadPoolExecutor} worker is read from the worker's task
 * ({@code Thread.holder.task}, the pool's private {@code Worker}), which needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} and
 * {@code --add-opens java.base/java.util.concurrent=ALL-UNNAMED}; without them such a pool's
 * threads are still interrupted, but the pool itself cannot be shut down.
 *
 * <p>Stateless apart from the handles it looks up once; thread-safe.
 */
final class LiveThreads {
    private static final MethodHandle ROOT;
    private static final MethodHandle CONTAINER_OF;
    private static final MethodHandle THREADS;
    private static final MethodHandle CHILDREN;
    private static final Field HOLDER;
    private static final Field HOLDER_TASK;
    private static final Class<?> TPE_WORKER;
    private static final Field TPE_WORKER_OWNER;

    static {
        MethodHandle root = null;
        MethodHandle containerOf = null;
        MethodHandle threads = null;
        MethodHandle children = null;
        try {
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
            Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
            MethodHandles.Lookup lookup = MethodHandles.lookup(); // the package is exported to us only
            root = lookup.findStatic(containers, "root", MethodType.methodType(container));
            containerOf = lookup.findStatic(containers, "container", MethodType.methodType(container, Thread.class));
            threads = lookup.findVirtual(container, "threads", MethodType.methodType(Stream.class));
            children = lookup.findVirtual(container, "children", MethodType.methodType(Stream.class));
            root.invoke(); // fails here when the package is not exported to us
        } catch (Throwable notExported) {
            root = null;
        }
        ROOT = root;
        CONTAINER_OF = root == null ? null : containerOf;
        THREADS = root == null ? null : threads;
        CHILDREN = root == null ? null : children;

        Field holder = null;
        Field task = null;
        Class<?> worker = null;
        Field owner = null;
        try {
            holder = Thread.class.getDeclaredField("holder");
            holder.setAccessible(true);
            task = holder.getType().getDeclaredField("task");
            task.setAccessible(true);
            worker = Class.forName("java.util.concurrent.ThreadPoolExecutor$Worker");
            owner = worker.getDeclaredField("this$0");
            owner.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            holder = null;
        }
        HOLDER = holder;
        HOLDER_TASK = holder == null ? null : task;
        TPE_WORKER = holder == null ? null : worker;
        TPE_WORKER_OWNER = holder == null ? null : owner;
    }

    private LiveThreads() {
    }

    /** Whether virtual threads can be listed (the JDK's thread containers are reachable). */
    static boolean virtualThreadsVisible() {
        return ROOT != null;
    }

    /** Whether the executor of a {@code ThreadPoolExecutor} worker can be found. */
    static boolean poolOwnersVisible() {
        return HOLDER != null;
    }

    /** Returns every live thread, platform and virtual (platform only when containers are out of reach). */
    static Set<Thread> all() {
        Set<Thread> out = new LinkedHashSet<>();
        if (ROOT != null) {
            try {
                for (Object container : containers()) {
                    threadsOf(container).forEach(t -> {
                        if (t.isAlive()) {
                            out.add(t);
                        }
                    });
                }
                return out;
            } catch (RuntimeException raced) {
                out.clear(); // a container changed under us: fall back below
            }
        }
        out.addAll(Thread.getAllStackTraces().keySet());
        return out;
    }

    /** Returns every thread container (identity set), or an empty set when they are out of reach. */
    static Set<Object> containers() {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (ROOT == null) {
            return seen;
        }
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.add(invoke(ROOT));
        while (!todo.isEmpty()) {
            Object c = todo.poll();
            if (seen.add(c)) {
                childrenOf(c).forEach(todo::add);
            }
        }
        return seen;
    }

    /** Returns the container that started {@code thread} (root for a plain thread), or null. */
    static Object containerOf(Thread thread) {
        if (CONTAINER_OF == null) {
            return null;
        }
        try {
            return CONTAINER_OF.invoke(thread);
        } catch (IllegalStateException notStarted) {
            return null;
        } catch (Throwable t) {
            return null;
        }
    }

    /** Whether {@code container} is the root container (threads started by no executor or scope). */
    static boolean isRoot(Object container) {
        return ROOT != null && container == invoke(ROOT);
    }

    /**
     * Returns the executor that runs {@code thread}: the pool of a {@code ForkJoinPool} worker,
     * the {@code ThreadPoolExecutor} of a pool worker, the thread-per-task executor of its
     * virtual thread; null for any other thread and for the common pool, which no cell owns.
     */
    static ExecutorService executorOf(Thread thread, Object container) {
        if (thread instanceof ForkJoinWorkerThread w) {
            ForkJoinPool pool = w.getPool();
            return pool == ForkJoinPool.commonPool() ? null : pool;
        }
        if (container instanceof ExecutorService es) {
            return es;
        }
        if (HOLDER != null && !thread.isVirtual()) {
            try {
                Object holder = HOLDER.get(thread);
                Object task = holder == null ? null : HOLDER_TASK.get(holder);
                if (task != null && task.getClass() == TPE_WORKER) {
                    return (ExecutorService) TPE_WORKER_OWNER.get(task);
                }
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code t} is a worker of the common pool (shared by every cell). */
    static boolean isCommonPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
    }

    private static final List<String> JVM_PREFIXES = List.of(
            "JFR ", "Java2D ", "AWT-", "Attach Listener", "Keep-Alive-", "process reaper",
            "Signal Dispatcher", "Notification Thread", "Common-Cleaner", "VirtualThread-",
            "Reference Handler", "Finalizer", "DestroyJavaVM", "RMI ", "JMX ", "MasterPoller", "SubPoller-");

    /**
     * Whether {@code t} belongs to the JVM rather than to any code a cell ran: carrier threads
     * of the virtual-thread scheduler, {@code InnocuousThread}s (cleaners, process reapers, I/O
     * pollers), common-pool workers and the JVM's named service threads. Same rules as
     * {@code LeakCheck}.
     */
    static boolean isJvmOwned(Thread t) {
        if (t.getClass().getName().startsWith("jdk.internal.") || isCommonPoolWorker(t)) {
            return true;
        }
        String name = t.getName();
        return JVM_PREFIXES.stream().anyMatch(name::startsWith) || name.endsWith("-Poller")
                || name.endsWith("-delayScheduler");
    }

    /** Returns a thread's name, or {@code virtual#id} for a nameless virtual thread. */
    static String label(Thread t) {
        String name = t.getName();
        if (!name.isEmpty()) {
            return name;
        }
        return (t.isVirtual() ? "virtual#" : "thread#") + t.threadId();
    }

    @SuppressWarnings("unchecked")
    private static Stream<Thread> threadsOf(Object container) {
        try {
            return (Stream<Thread>) THREADS.invoke(container);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Stream<Object> childrenOf(Object container) {
        try {
            return (Stream<Object>) CHILDREN.invoke(container);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object invoke(MethodHandle noArgs) {
        try {
            return noArgs.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
