package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a worker JVM is started: a {@link JvmCommand} (the parent's own {@code java} binary,
 * preview on, headless, the classpath from {@code COURSE_CLASSPATH} or, if unset,
 * {@code java.class.path}) with the worker's flags.
 *
 * <p><b>Worker flags, and why</b> ({@link #WORKER_FLAGS}). {@code -XX:+DisplayVMOutputToStderr}
 * and {@code -Xlog:disable -Xlog:all=warning:stderr}: no JVM message may reach stdout, which
 * carries the reply frames. {@code -XX:+UseSerialGC}: a task-at-a-time worker needs no
 * concurrent GC threads. {@code -XX:TieredStopAtLevel} is not set: a task's compute is as
 * fast in a worker as in the parent only once C2 has compiled it. Heap: the JVM's default
 * maximum (a quarter of the machine's or container's memory), so a task needs no more than it
 * would in the parent, but a small initial heap ({@value #INITIAL_HEAP}): the serial GC's young
 * generation starts small and is reused after each collection, instead of a young generation
 * sized from the machine's memory whose fresh pages each task's garbage touches, so a worker
 * stays smaller. {@code -Dconcurrencylab.worker.warmUpMillis}: see below.
 * ({@code datasets/reference/MACHINE.md}, sections "Process pool workers" and "Worker JVMs
 * start warm", has the runs.)
 *
 * <p><b>Starting warm: the AOT cache.</b> When the classpath holds the lib jar
 * ({@value #LIB_JAR}) and {@code aot/}{@value #AOT_FILE} exists beside it, a worker gets
 * {@code -XX:AOTCache=} that file (JEP 483/514/515: the classes a worker loads, already
 * parsed and linked, and the profiles of its hot methods, recorded from a training run of a
 * worker by {@code ./course setup}). A worker JVM that cannot use it (another JDK build, a
 * rebuilt jar, other flags) starts without it, and says nothing ({@code -Xlog:aot=off:stderr}); a
 * worker without it (no such file, or the lib's classes in a directory, as in the lib's tests)
 * runs as before, only slower to start. {@link WorkerCache#record} records that cache: it sets
 * the system property {@value #AOT_TRAINING_PROPERTY} (a path), which makes new workers record
 * their AOT configuration there when they exit instead of using a cache.
 *
 * <p><b>Why workers warm up.</b> What makes a worker slower per task than the parent is not
 * the compute but the per-task path around it: the round trip's wake-ups, and Java
 * serialization of the task and of its result, which a CPU-bound job of a few tens of chunks
 * a run runs only a few hundred times, so it stays interpreted. A worker therefore runs that
 * path in memory ({@link ProcessWorker#warmUpWirePath}) after its first task while no task is
 * waiting, for at most {@value #DEFAULT_WARM_UP_MILLIS} ms (set the system property
 * {@value #WARM_UP_PROPERTY} in the parent, in milliseconds, 0 to skip). The part of the
 * per-task cost it cannot remove is the round trip itself, which is why the process-pool
 * benchmark cuts its job into few chunks ({@code concurrencylab.lab.bench.ProcessPoolBench}).
 */
record WorkerLauncher(String java, String classpath) {

    /** The environment variable a notebook kernel sets to the lib jar and its dependencies. */
    static final String CLASSPATH_VARIABLE = JvmCommand.CLASSPATH_VARIABLE;

    /** The system property (parent and worker) with the worker warm-up budget in milliseconds. */
    static final String WARM_UP_PROPERTY = "concurrencylab.worker.warmUpMillis";

    /** The worker warm-up budget unless {@value #WARM_UP_PROPERTY} says otherwise. */
    static final long DEFAULT_WARM_UP_MILLIS = 300;

    /** The lib jar's file name; the worker cache sits in {@code aot/} beside it. */
    static final String LIB_JAR = "concurrency-lab.jar";

    /** The worker AOT cache's file name, in {@code aot/} beside the lib jar. */
    static final String AOT_FILE = "worker.aot";

    /** The system property (parent) naming the file new workers record their AOT configuration into. */
    static final String AOT_TRAINING_PROPERTY = "concurrencylab.worker.aotConfiguration";

    /** The initial heap of a worker JVM. */
    static final String INITIAL_HEAP = "-Xms8m";

    /** The flags of every worker JVM, before the AOT and warm-up flags; the class comment says why. */
    static final List<String> WORKER_FLAGS = List.of("-XX:+UseSerialGC", INITIAL_HEAP,
            "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    static WorkerLauncher fromEnvironment() {
        return new WorkerLauncher(findJava(), classpath(System.getenv(CLASSPATH_VARIABLE)));
    }

    static String classpath(String fromEnvironment) {
        return JvmCommand.courseClasspath(fromEnvironment);
    }

    /** Returns the running JVM's launcher if it is a java binary, else java.home/bin/java. */
    static String findJava() {
        return JvmCommand.java();
    }

    List<String> command(int poolId, int index) {
        return JvmCommand.of(ProcessWorker.class).withJava(java).withClasspath(classpath)
                .withFlags("-D" + LabTasks.WORKER_PROPERTY + "=true", "-Dconcurrencylab.worker.pool=" + poolId)
                .withFlags(WORKER_FLAGS)
                .withFlags(aotFlags(System.getProperty(AOT_TRAINING_PROPERTY), WorkerCache.find(classpath)))
                .withFlags("-D" + WARM_UP_PROPERTY + "=" + warmUpMillis())
                .withArgs(Integer.toString(index), Long.toString(ProcessHandle.current().pid()))
                .toList();
    }

    /**
     * Returns the AOT flags of a worker: record its configuration into {@code training} if that
     * is set, else use {@code cache} if present, else none.
     */
    static List<String> aotFlags(String training, Optional<Path> cache) {
        if (training != null && !training.isBlank()) {
            return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + training, "-Xlog:aot=off:stderr");
        }
        return cache.map(c -> List.of("-XX:AOTCache=" + c, "-Xlog:aot=off:stderr")).orElse(List.of());
    }

    /** The command that assembles the AOT cache {@code cache} from a worker's recorded {@code configuration}. */
    List<String> createCacheCommand(Path configuration, Path cache) {
        return JvmCommand.of(ProcessWorker.class).withJava(java).withClasspath(classpath).withFlags(WORKER_FLAGS)
                .withFlags("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache)
                .toList();
    }

    /** The warm-up budget for new workers: the parent's {@value #WARM_UP_PROPERTY} if a whole number, else the default. */
    static long warmUpMillis() {
        long ms = Long.getLong(WARM_UP_PROPERTY, DEFAULT_WARM_UP_MILLIS);
        return Math.max(0, ms);
    }

    @Override
    public String toString() {
        int entries = classpath.isEmpty() ? 0 : classpath.split(File.pathSeparator).length;
        return java + " with " + entries + " classpath entries";
    }
}
