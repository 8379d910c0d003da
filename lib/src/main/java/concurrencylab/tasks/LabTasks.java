package concurrencylab.tasks;

/**
 * Static factories for the tasks the lessons run: CPU work, hashing, sleeping, fetching from
 * the lab server, and asking "who ran me?".
 *
 * <p>Every task is a {@link PortableCallable}: serializable and defined on the library's
 * classpath, so the same task runs on a platform pool, on virtual threads or in a
 * {@code ProcessPool} of worker JVMs.
 * {@snippet :
 * try (ExecutorService pool = ExecutorKind.PROCESS.create(2)) {
 *     Future<Long> primes = pool.submit(LabTasks.countPrimes(1, 2_000_000));
 *     Future<WhoRan> who = pool.submit(LabTasks.whoRanMe());
 *     System.out.println(primes.get(30, TimeUnit.SECONDS) + " primes, run by " + who.get(30, TimeUnit.SECONDS));
 * }
 * }
 * <p>Thread safety: the factories are stateless and the tasks immutable; a task may run any
 * number of times, concurrently. Long tasks stop early with {@link InterruptedException}
 * when their thread is interrupted.
 */
public final class LabTasks {

    /** The system property a {@code ProcessPool} worker JVM sets to {@code "true"}. */
    public static final String WORKER_PROPERTY = "concurrencylab.worker";

    private LabTasks() {
    }

    /**
     * Returns a task counting the primes in {@code [fromInclusive, toExclusive)} by trial
     * division: pure CPU work with no I/O and no shared state.
     *
     * @throws IllegalArgumentException if {@code fromInclusive < 0} or {@code toExclusive < fromInclusive}
     */
    public static PortableCallable<Long> countPrimes(long fromInclusive, long toExclusive) {
        return new PrimeCount(fromInclusive, toExclusive);
    }

    /**
     * Returns a task hashing {@code text} (UTF-8) with SHA-256, then re-hashing the digest
     * until {@code rounds} hashes are done; the result is the last digest in lower-case hex.
     *
     * @throws IllegalArgumentException if {@code text} is null or {@code rounds < 1}
     */
    public static PortableCallable<String> sha256Hex(String text, int rounds) {
        return new Sha256Rounds(text, rounds);
    }

    /**
     * Returns a task hashing the raw bytes {@code body} with SHA-256, then re-hashing the
     * digest until {@code rounds} hashes are done, like {@link #sha256Hex} but on bytes (no
     * text decoding) and reporting who did it and how long it took. The bytes are copied, so
     * in a {@code ProcessPool} they cross the process boundary with the task.
     *
     * @throws IllegalArgumentException if {@code body} is null or {@code rounds < 1}
     */
    public static PortableCallable<HashReport> sha256Report(byte[] body, int rounds) {
        return new BodyHash(body, rounds);
    }

    /**
     * Returns a task that sleeps {@code millis} milliseconds (interruptibly) and returns the
     * milliseconds it actually slept: a stand-in for waiting on I/O.
     *
     * @throws IllegalArgumentException if {@code millis < 0}
     */
    public static PortableCallable<Long> sleep(long millis) {
        return new Sleeper(millis);
    }

    /**
     * Returns a task that GETs {@code url} with java.net.http.HttpClient and returns the
     * body's length in bytes. The task throws {@link java.io.IOException} naming the URL and
     * status on a non-2xx answer.
     *
     * @param url           an http:// or https:// URL on loopback: {@code localhost},
     *                      127.0.0.0/8 or {@code [::1]} (checked without any DNS lookup)
     * @param timeoutMillis connect and request timeout, at least 1
     * @throws IllegalArgumentException if the URL is null, malformed, not http(s), or not on
     *                                  loopback, or if {@code timeoutMillis < 1}
     */
    public static PortableCallable<Integer> fetchLength(String url, long timeoutMillis) {
        return new HttpLength(HttpLength.parse(url), timeoutMillis);
    }

    /** Returns a task reporting the pid, thread name, virtual-or-not and carrier thread it ran on. */
    public static PortableCallable<WhoRan> whoRanMe() {
        return new WhoRanMe();
    }

    /**
     * Returns a task reporting the pid it ran in and the value of {@link StaticNote#text} there:
     * a thread of this JVM sees what this JVM set, a worker JVM sees the value a fresh JVM starts with.
     */
    public static PortableCallable<String> readStaticNote() {
        return new StaticNoteReader();
    }

    /** Returns a task that does nothing and returns 0: it measures an executor's own overhead. */
    public static PortableCallable<Integer> noop() {
        return new NoOp();
    }

    /**
     * Returns a task that halts the process-pool worker JVM running it with exit status
     * {@code status}, like a crash; the pool fails that task and replaces the worker. Run
     * anywhere else (a thread pool in the notebook's JVM) it throws
     * {@link IllegalStateException} instead of stopping your kernel.
     *
     * @throws IllegalArgumentException if {@code status} is outside 0..255
     */
    public static PortableCallable<Void> haltWorker(int status) {
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("haltWorker needs an exit status in 0..255, got " + status);
        }
        return new WorkerHalt(status);
    }
}
