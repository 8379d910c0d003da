package concurrencylab.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The AOT cache of the process pool's worker JVMs (JEP 483/514/515): the classes a worker
 * loads, parsed and linked ahead of time, and the profiles of its hot methods, so that a new
 * worker reaches its first result sooner. It lives in {@code aot/worker.aot} beside the lib jar
 * ({@code lib/target/concurrency-lab.jar}); {@code ./course setup} records it
 * ({@code kernel-setup/build-aot.sh}). How workers use it is in {@code WorkerLauncher}.
 * {@snippet :
 * Optional<Path> cache = WorkerCache.find(JvmCommand.courseClasspath());   // empty without the jar or the file
 * WorkerCache.record(Path.of("lib/target/aot/worker.aot"),
 *         pool -> pool.submit(LabTasks.noop()).get(60, TimeUnit.SECONDS));  // a training workload
 * }
 * <p>Thread safety: {@link #find} is stateless; {@link #record} sets a system property while
 * it runs, so call it from one thread of a JVM that starts no other pool meanwhile (a main).
 */
public final class WorkerCache {

    /** The longest {@link #record} waits for the cache to be assembled. */
    public static final long CREATE_WAIT_SECONDS = 300;

    /** A training workload: tasks sent to a pool of one worker. */
    @FunctionalInterface
    public interface Workload {
        /** Runs the training tasks on {@code pool}, waiting (bounded) for each. */
        void run(ExecutorService pool) throws Exception;
    }

    private WorkerCache() {
    }

    /**
     * Returns {@code aot/worker.aot} beside the first {@code concurrency-lab.jar} entry of
     * {@code classpath}, if that file exists; else empty.
     */
    public static Optional<Path> find(String classpath) {
        return location(classpath).filter(Files::isRegularFile);
    }

    /** Returns where the cache of {@code classpath}'s lib jar goes, or empty if it has no lib jar. */
    public static Optional<Path> location(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            try {
                Path jar = Path.of(entry);
                if (jar.getFileName() != null && jar.getFileName().toString().equals(WorkerLauncher.LIB_JAR)) {
                    return Optional.of(jar.toAbsolutePath().resolveSibling("aot").resolve(WorkerLauncher.AOT_FILE));
                }
            } catch (InvalidPathException notAPath) {
                // an entry that is no path cannot be the jar
            }
        }
        return Optional.empty();
    }

    /**
     * Records the cache into {@code cache}: runs {@code workload} on a pool of one worker that
     * records its AOT configuration when it exits, then assembles the cache from it in another
     * JVM with the worker's flags, waiting at most {@value #CREATE_WAIT_SECONDS} s. The file is
     * replaced only once the new cache is whole.
     *
     * @throws IOException if the worker recorded nothing or the assembly failed (the message
     *     says which, with the assembling JVM's last output)
     * @throws Exception whatever {@code workload} throws
     */
    public static void record(Path cache, Workload workload) throws Exception {
        Path dir = cache.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path config = dir.resolve(cache.getFileName() + ".config");
        Path partial = dir.resolve(cache.getFileName() + ".partial");
        Files.deleteIfExists(config);
        String before = System.getProperty(WorkerLauncher.AOT_TRAINING_PROPERTY);
        System.setProperty(WorkerLauncher.AOT_TRAINING_PROPERTY, config.toString());
        try (ProcessPool pool = new ProcessPool(1)) {
            workload.run(pool);
        } finally {
            if (before == null) {
                System.clearProperty(WorkerLauncher.AOT_TRAINING_PROPERTY);
            } else {
                System.setProperty(WorkerLauncher.AOT_TRAINING_PROPERTY, before);
            }
        }
        try {
            if (!Files.isRegularFile(config) || Files.size(config) == 0) {
                throw new IOException("the training worker recorded no AOT configuration in " + config);
            }
            assemble(config, partial);
            Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(partial);
        }
    }

    private static void assemble(Path config, Path partial) throws IOException, InterruptedException {
        Path log = Files.createTempFile("worker-aot", ".log");
        try {
            Process p = new ProcessBuilder(WorkerLauncher.fromEnvironment().createCacheCommand(config, partial))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(CREATE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("assembling the worker AOT cache took more than " + CREATE_WAIT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                String out = Files.readString(log);
                throw new IOException("assembling the worker AOT cache failed (exit " + p.exitValue() + "): "
                        + out.substring(Math.max(0, out.length() - 500)));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
