package concurrencylab.lab.debug;

import concurrencylab.util.Require;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Small workloads that make the JFR events {@link JfrProbe} reports: a virtual thread blocked
 * inside {@code synchronized}, which no longer pins since JDK 24 (JEP 491); one blocked in a
 * class initializer or under a native frame, which still pin; platform threads queueing for a
 * monitor; and CPU work.
 *
 * <p>The class initializer is that of a small class loaded afresh by a new class loader each
 * time, so every task runs it; it sleeps, and a virtual thread cannot unmount while the VM is
 * running a {@code <clinit>}. The native frame comes from the C library's {@code qsort}, called
 * through the Foreign Function API with a Java comparator that sleeps: C code is below the
 * sleeping virtual thread on its stack. Either way JFR reports {@code jdk.VirtualThreadPinned}.
 *
 * {@snippet :
 * JfrProbe.record(Duration.ofSeconds(5), () -> JfrWorkloads.pinnedInNativeFrame(4, Duration.ofMillis(30)))
 *         .eventsOf("jdk.VirtualThreadPinned"); // 4 events
 * JfrProbe.record(Duration.ofSeconds(5), () -> JfrWorkloads.sleepInSynchronized(4, Duration.ofMillis(30)))
 *         .eventsOf("jdk.VirtualThreadPinned"); // none on JDK 24+
 * JfrProbe.record(Duration.ofSeconds(5), () -> JfrWorkloads.contendedMonitor(3, Duration.ofMillis(30)))
 *         .eventsOf("jdk.JavaMonitorEnter");    // the threads that queued for the lock
 * }
 *
 * <p>Calling C needs native access: without {@code --enable-native-access=ALL-UNNAMED} the JDK
 * prints a one-time warning to the JVM's standard error on the first
 * {@link #pinnedInNativeFrame} (so the notebook uses {@link #pinnedInClassInit}). Stateless;
 * safe to call from any thread.
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public final class JfrWorkloads {
    /** How long the freshly loaded class's initializer sleeps (pinned). */
    public static final Duration CLASS_INIT_NAP = Duration.ofMillis(30);
    private static final String SLOW_INIT = SlowInit.class.getName();
    private static final ScopedValue<Duration> NAP = ScopedValue.newInstance();

    private JfrWorkloads() {
    }

    /**
     * Runs {@code tasks} virtual threads that each sleep {@code nap} under a native frame
     * (in a {@code qsort} comparator), and waits for them.
     *
     * @param tasks how many virtual threads, 1 to 1000
     * @param nap   how long each sleeps while pinned, 1 ms to 10 s
     * @throws IllegalArgumentException if {@code tasks} or {@code nap} is out of range
     * @throws InterruptedException     if interrupted while waiting
     */
    public static void pinnedInNativeFrame(int tasks, Duration nap) throws InterruptedException {
        ScopedValue.where(NAP, Duration.ofMillis(1)).run(JfrWorkloads::sortTwoInts); // warm up here, so
        // the tasks do not race to initialize the foreign-function classes (which pins too)
        runVirtual(tasks, nap, () -> ScopedValue.where(NAP, nap).run(JfrWorkloads::sortTwoInts));
    }

    /** Links {@code qsort} on first use only, so other workloads need no native access. */
    private static final class Native {
        static final MethodHandle QSORT = linkQsort();
        static final MemorySegment COMPARATOR = comparatorStub();

        private Native() {
        }
    }

    /**
     * Runs {@code tasks} virtual threads that each initialize a freshly loaded class whose
     * static initializer sleeps {@link #CLASS_INIT_NAP}, and waits for them.
     *
     * @param tasks how many virtual threads, 1 to 1000
     * @throws IllegalArgumentException if {@code tasks} is out of range
     * @throws InterruptedException     if interrupted while waiting
     */
    public static void pinnedInClassInit(int tasks) throws InterruptedException {
        Objects.requireNonNull(SlowInitBytes.BYTES); // read the class file here, not in the tasks
        runVirtual(tasks, CLASS_INIT_NAP, JfrWorkloads::initFreshClass);
    }

    /** A class whose initializer blocks; loaded anew by {@link FreshLoader} for every task. */
    static final class SlowInit {
        private static final long CLASS_INIT_NAP_MILLIS = 30;

        static {
            try {
                Thread.sleep(CLASS_INIT_NAP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private SlowInit() {
        }
    }

    private static void initFreshClass() {
        try {
            Class.forName(SLOW_INIT, true, new FreshLoader(SlowInitBytes.BYTES));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + SLOW_INIT, e);
        }
    }

    /** The class file of {@link SlowInit}, read once (so the tasks only block where meant to). */
    private static final class SlowInitBytes {
        static final byte[] BYTES = read();

        private SlowInitBytes() {
        }

        private static byte[] read() {
            String resource = "/" + SLOW_INIT.replace('.', '/') + ".class";
            try (InputStream in = JfrWorkloads.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no class file " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
    }

    /** Loads {@link SlowInit} itself (a new class each time) and delegates everything else. */
    private static final class FreshLoader extends ClassLoader {
        private final byte[] slowInit;

        FreshLoader(byte[] slowInit) {
            super(JfrWorkloads.class.getClassLoader());
            this.slowInit = slowInit;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SLOW_INIT)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, slowInit, 0, slowInit.length);
            }
        }
    }

    /**
     * Runs {@code tasks} virtual threads that each sleep {@code nap} while holding a monitor
     * ({@code synchronized} on its own lock), and waits for them.
     *
     * @param tasks how many virtual threads, 1 to 1000
     * @param nap   how long each sleeps inside {@code synchronized}, 1 ms to 10 s
     * @throws IllegalArgumentException if {@code tasks} or {@code nap} is out of range
     * @throws InterruptedException     if interrupted while waiting
     */
    public static void sleepInSynchronized(int tasks, Duration nap) throws InterruptedException {
        runVirtual(tasks, nap, () -> {
            Object lock = new Object();
            synchronized (lock) {
                sleep(nap);
            }
        });
    }

    /**
     * Runs {@code threads} platform threads that each hold one shared monitor for
     * {@code hold}: all but the first queue for it ({@code jdk.JavaMonitorEnter}).
     *
     * @param threads how many platform threads, 2 to 16
     * @param hold    how long each holds the monitor, 1 ms to 1 s
     * @throws IllegalArgumentException if {@code threads} or {@code hold} is out of range
     * @throws InterruptedException     if interrupted while waiting
     */
    public static void contendedMonitor(int threads, Duration hold) throws InterruptedException {
        Require.inRange("threads", threads, 2, 16);
        Require.inRange("hold", hold, Duration.ofMillis(1), Duration.ofSeconds(1));
        Object shared = new Object();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> holdMonitor(shared, hold));
            }
        }
    }

    private static void holdMonitor(Object shared, Duration hold) {
        synchronized (shared) {
            sleep(hold);
        }
    }

    /**
     * Hashes a buffer with SHA-256 over and over for {@code duration}: CPU work for the
     * hot-method view.
     *
     * @param duration how long to hash, 1 ms to 10 s
     * @return how many digests were computed
     * @throws IllegalArgumentException if {@code duration} is out of range
     */
    public static long hashFor(Duration duration) {
        Require.inRange("duration", duration, Duration.ofMillis(1), Duration.ofSeconds(10));
        byte[] data = new byte[16 * 1024];
        long end = System.nanoTime() + duration.toNanos();
        long digests = 0;
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                data[0] = sha.digest(data)[0];
                digests++;
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return digests;
    }

    /**
     * Sorts copies of a shuffled array over and over for {@code duration}: a second kind of
     * CPU work for the hot-method view.
     *
     * @param duration how long to sort, 1 ms to 10 s
     * @return how many arrays were sorted
     * @throws IllegalArgumentException if {@code duration} is out of range
     */
    public static long sortFor(Duration duration) {
        Require.inRange("duration", duration, Duration.ofMillis(1), Duration.ofSeconds(10));
        int[] shuffled = new java.util.Random(42).ints(20_000).toArray();
        long end = System.nanoTime() + duration.toNanos();
        long sorted = 0;
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            int[] copy = shuffled.clone();
            java.util.Arrays.sort(copy);
            sorted++;
        }
        return sorted;
    }

    private static void runVirtual(int tasks, Duration nap, Runnable body) throws InterruptedException {
        Require.inRange("tasks", tasks, 1, 1000);
        Require.inRange("nap", nap, Duration.ofMillis(1), Duration.ofSeconds(10));
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                vts.submit(body);
            }
            vts.shutdown();
            if (!vts.awaitTermination(nap.toMillis() * tasks + 10_000, TimeUnit.MILLISECONDS)) {
                vts.shutdownNow();
            }
        }
    }

    private static void sortTwoInts() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
            Native.QSORT.invokeExact(ints, 2L, 4L, Native.COMPARATOR);
        } catch (Throwable t) {
            throw new IllegalStateException("qsort failed", t);
        }
    }

    /** The comparator C calls back: sleeps (pinned), then compares two ints. */
    private static int compareSleepily(MemorySegment a, MemorySegment b) {
        try {
            Thread.sleep(NAP.orElse(Duration.ofMillis(1))); // C's qsort is below us: pinned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
    }

    private static void sleep(Duration nap) {
        try {
            Thread.sleep(nap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MethodHandle linkQsort() {
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor qsort = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
        MemorySegment address = linker.defaultLookup().find("qsort")
                .orElseThrow(() -> new IllegalStateException("no qsort in the C library"));
        return linker.downcallHandle(address, qsort);
    }

    private static MemorySegment comparatorStub() {
        try {
            MethodHandle compare = MethodHandles.lookup().findStatic(JfrWorkloads.class, "compareSleepily",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            ValueLayout intPointer = ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT);
            return Linker.nativeLinker().upcallStub(compare,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, intPointer, intPointer), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the comparator", e);
        }
    }
}
