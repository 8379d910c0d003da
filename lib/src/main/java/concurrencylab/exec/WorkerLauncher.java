package concurrencylab.exec;

import concurrencylab.tasks.LabTasks;
import java.io.File;
import java.util.List;

/**
 * How a worker JVM is started: a {@link JvmCommand} (the parent's own {@code java} binary,
 * preview on, headless, the classpath from {@code COURSE_CLASSPATH} or, if unset,
 * {@code java.class.path}) with the worker's flags.
 *
 * <p><b>Worker flags, and why.</b> {@code -XX:+DisplayVMOutputToStderr} (JVM messages must
 * not corrupt the reply frames on stdout); {@code -XX:+UseSerialGC} (a task-at-a-time worker
 * needs no concurrent GC threads; smaller footprint); and
 * {@code -Dconcurrencylab.worker.warmUpMillis} (see below). Nothing else: the compute of a
 * task costs the same CPU in a worker as in the parent, and other GC or JIT flags did not
 * change the pool's wall time beyond the noise ({@code datasets/reference/MACHINE.md},
 * section "Process pool workers", has the runs).
 *
 * <p><b>Why workers warm up.</b> What makes a worker slower per task than the parent is not
 * the compute but the per-task path around it: the round trip's wake-ups, and Java
 * serialization of the task and of its result, which a CPU-bound job of a few tens of chunks
 * a run runs only a few hundred times, so it stays interpreted. A worker therefore runs that
 * path in memory ({@link ProcessWorker#warmUpWirePath}) after its handshake while no task is
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
                .withFlags("-D" + LabTasks.WORKER_PROPERTY + "=true", "-Dconcurrencylab.worker.pool=" + poolId,
                        "-XX:+UseSerialGC", "-XX:+DisplayVMOutputToStderr",
                        "-D" + WARM_UP_PROPERTY + "=" + warmUpMillis())
                .withArgs(Integer.toString(index), Long.toString(ProcessHandle.current().pid()))
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
