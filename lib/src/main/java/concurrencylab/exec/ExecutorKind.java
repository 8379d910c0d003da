package concurrencylab.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The three ways the course runs tasks: platform threads, virtual threads, worker JVMs.
 *
 * <p>A one-line switch between execution models, as in the seed lesson's
 * {@code ThreadPoolExecutor} / {@code ProcessPoolExecutor} swap:
 * {@snippet :
 * try (ExecutorService pool = ExecutorKind.PROCESS.create(4)) {
 *     Future<Long> primes = pool.submit(LabTasks.countPrimes(1, 1_000_000));
 *     System.out.println(primes.get(30, TimeUnit.SECONDS));
 * }
 * }
 * <p>Thread safety: an enum; {@link #create} may be called from any thread and returns a
 * new executor each time, which the caller must close.
 */
public enum ExecutorKind {
    /** A fixed pool of {@code workers} platform threads ({@link Executors#newFixedThreadPool}). */
    PLATFORM("platform threads"),
    /** One new virtual thread per task; the {@code workers} count is ignored. */
    VIRTUAL("virtual threads"),
    /** A {@link ProcessPool} of {@code workers} worker JVMs. */
    PROCESS("worker processes");

    private final String label;

    ExecutorKind(String label) {
        this.label = label;
    }

    /**
     * Creates a new executor of this kind.
     *
     * @param workers number of threads or processes (ignored by {@link #VIRTUAL}, but still
     *                checked), at least 1
     * @return a new executor; close it (try-with-resources)
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public ExecutorService create(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        return switch (this) {
            case PLATFORM -> Executors.newFixedThreadPool(workers);
            case VIRTUAL -> Executors.newVirtualThreadPerTaskExecutor();
            case PROCESS -> ProcessPool.of(workers);
        };
    }

    /** Returns a short human label for charts and tables, e.g. {@code "virtual threads"}. */
    public String label() {
        return label;
    }
}
