package concurrencylab.tasks;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.List;

/**
 * Static factories for the tasks the lessons run: CPU work, hashing, sleeping, fetching from
 * the lab server, and asking "where did I run?".
 *
 * <p>Every task is a {@link PortableCallable}: serializable and defined on the library's
 * classpath, so the same task runs on a platform pool, on virtual threads or in a
 * {@code ProcessPool} of worker JVMs.
 * {@snippet :
 * try (ExecutorService pool = ExecutorKind.PROCESS.create(2)) {
 *     Future<Long> primes = pool.submit(LabTasks.countPrimes(1, 2_000_000));
 *     Future<ExecutionSite> who = pool.submit(LabTasks.reportExecutionSite());
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
     * @throws NullPointerException     if {@code text} is null
     * @throws IllegalArgumentException if {@code rounds < 1}
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
     * @throws NullPointerException     if {@code body} is null
     * @throws IllegalArgumentException if {@code rounds < 1}
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
     * @throws NullPointerException     if the URL is null
     * @throws IllegalArgumentException if the URL is malformed, not http(s), or not on loopback,
     *                                  or if {@code timeoutMillis < 1}
     */
    public static PortableCallable<Integer> fetchLength(String url, long timeoutMillis) {
        return new HttpLength(HttpLength.parse(url), timeoutMillis);
    }

    /**
     * Returns a task that scans {@code ports} on a loopback host with the structured scanner
     * (virtual threads, at most {@code limit} connects at once) and reports the open ports with
     * the pid of the process that ran it: one slice of a hybrid scan, for a {@code ProcessPool}
     * worker. Notebook 07.8's exercises (the nbgrader version) build the hybrid scanner on it.
     *
     * @param host    {@code localhost}, 127.0.0.0/8 or ::1 (never resolved otherwise)
     * @param ports   one or more ports in 1..65535
     * @param limit   the most connects at once, 1..10000
     * @param timeout one connect's timeout, 1 ms..60 s
     * @throws IllegalArgumentException if the host is not loopback or another argument is out
     *                                  of range, before any connect
     */
    public static PortableCallable<SliceReport> scanSlice(String host, List<Integer> ports, int limit, Duration timeout) {
        if (ports == null) {
            throw new IllegalArgumentException("scanSlice needs a list of ports; accepted: ports 1..65535");
        }
        return new SliceScan(host, ports, limit, timeout);
    }

    /** Returns a task reporting where it ran: pid, thread name, virtual or not, carrier thread. */
    public static PortableCallable<ExecutionSite> reportExecutionSite() {
        return new ReportExecutionSite();
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
        Require.inRange("status", status, 0, 255);
        return new WorkerHalt(status);
    }
}
