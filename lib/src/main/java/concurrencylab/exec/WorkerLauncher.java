package concurrencylab.exec;

import concurrencylab.cli.ProcessPoolBenchmark;

import concurrencylab.tasks.LabTasks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a worker JVM is started: the parent's own {@code java} binary, preview on, headless,
 * and the classpath from {@code COURSE_CLASSPATH} or, if unset, {@code java.class.path}.
 *
 * <p><b>Worker flags, and why.</b> {@code --enable-preview} (the parent's tasks may use
 * preview features); {@code -Djava.awt.headless=true}; {@code -XX:+DisplayVMOutputToStderr}
 * (JVM messages must not corrupt the reply frames on stdout); {@code -XX:+UseSerialGC}
 * (a task-at-a-time worker needs no concurrent GC threads; smaller footprint); and
 * {@code -Dconcurrencylab.worker.warmUpMillis} (see below). Nothing else: on the 2-core
 * course machine, counting primes below 2,000,000 in 40 chunks, the compute of a chunk
 * costs the same CPU in a worker as in the parent (322 ms per 2,000,000 either way), and
 * G1 instead of Serial, {@code -XX:ActiveProcessorCount=1} or
 * {@code -XX:CompileThresholdScaling=0.1} changed neither that nor the pool's wall time
 * beyond the noise (medians of 4 interleaved runs each).
 *
 * <p><b>Why workers warm up.</b> What made a worker look 12 to 17% slower per chunk (a
 * chunk of 11.0 ms in the parent took 12.6 to 12.9 ms round trip) was not the compute (the
 * same chunk timed inside the worker: 11.0 to 11.3 ms) but the per-task path around it:
 * the round trip's wake-ups, and Java serialization of the task and of its result, which a
 * CPU-bound job of 40 chunks a run runs only a few hundred times, so it stays interpreted
 * (a serialize/deserialize round costs 300 to 570 microseconds for its first 200 runs, 20
 * to 50 once compiled). A worker therefore runs that path in memory
 * ({@link ProcessWorker#warmUpWirePath}) after its handshake while no task is waiting, for
 * at most {@value #DEFAULT_WARM_UP_MILLIS} ms (set the system property
 * {@value #WARM_UP_PROPERTY} in the parent, in milliseconds, 0 to skip). The part of the
 * per-task cost it cannot remove is the round trip itself: see
 * {@code ProcessPoolBenchmark#DEFAULT_PRIMES_CHUNKS}.
 */
record WorkerLauncher(String java, String classpath) {

    /** The environment variable a notebook kernel sets to the lib jar and its dependencies. */
    static final String CLASSPATH_VARIABLE = "COURSE_CLASSPATH";

    /** The system property (parent and worker) with the worker warm-up budget in milliseconds. */
    static final String WARM_UP_PROPERTY = "concurrencylab.worker.warmUpMillis";

    /** The worker warm-up budget unless {@value #WARM_UP_PROPERTY} says otherwise. */
    static final long DEFAULT_WARM_UP_MILLIS = 300;

    static WorkerLauncher fromEnvironment() {
        return new WorkerLauncher(findJava(), classpath(System.getenv(CLASSPATH_VARIABLE)));
    }

    static String classpath(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty("java.class.path", "");
    }

    /** Returns the running JVM's launcher if it is a java binary, else java.home/bin/java. */
    static String findJava() {
        String fromHome = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(fromHome);
    }

    List<String> command(int poolId, int index) {
        return List.of(java, "--enable-preview", "-Djava.awt.headless=true",
                "-D" + LabTasks.WORKER_PROPERTY + "=true", "-Dconcurrencylab.worker.pool=" + poolId,
                "-XX:+UseSerialGC", "-XX:+DisplayVMOutputToStderr",
                "-D" + WARM_UP_PROPERTY + "=" + warmUpMillis(),
                "-cp", classpath, ProcessWorker.class.getName(), Integer.toString(index),
                Long.toString(ProcessHandle.current().pid()));
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
