package concurrencylab.lab.pitfalls;

import concurrencylab.util.RowTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.Table;

/**
 * Pitfall 2, live: an exception thrown by a task given to {@code submit()} is kept inside its
 * {@link Future}; if nobody reads the future, nobody ever sees it. Reading the future, or
 * attaching {@code exceptionally} to a {@link CompletableFuture}, brings it out.
 *
 * {@snippet :
 * VanishingExceptionDemo.run().toTable();   // three ways to submit the same failing task
 * }
 *
 * <p>Every wait is bounded; the demo's executor is closed before it returns. Stateless and
 * thread-safe. Introduced in notebook {@code 07.2-Executors}.
 */
public final class VanishingExceptionDemo {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final String MESSAGE = "image 13 is corrupt";

    private VanishingExceptionDemo() {
    }

    /**
     * The three ways side by side.
     *
     * @param ignoredState   the state of the future nobody read ({@code FAILED}): the exception is there, unseen
     * @param readFuture     what {@code get()} on the future reported
     * @param withCallback   what the {@code exceptionally} callback produced
     */
    public record Result(String ignoredState, String readFuture, String withCallback) {
        /** Returns one row per way: code and what the caller sees. */
        public Table toTable() {
            List<Map.Entry<String, String>> rows = List.of(
                    Map.entry("pool.submit(task);  // future ignored",
                            "nothing at all (the future's state() is " + ignoredState + ")"),
                    Map.entry("pool.submit(task).get(5, SECONDS)", readFuture),
                    Map.entry("supplyAsync(task, pool).exceptionally(e -> ...)", withCallback));
            return RowTable.of(rows).text("code", Map.Entry::getKey).text("what the caller sees", Map.Entry::getValue)
                    .toTable("A task's exception");
        }
    }

    /** Runs the failing task three ways on a pool of 2 platform threads. */
    public static Result run() throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> ignored = pool.submit(VanishingExceptionDemo::decode);
            String readFuture;
            try {
                readFuture = "result " + pool.submit(VanishingExceptionDemo::decode).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                readFuture = "ExecutionException, cause " + e.getCause();
            } catch (TimeoutException e) {
                readFuture = "no answer within " + WAIT.toMillis() + " ms";
            }
            String withCallback;
            try {
                withCallback = CompletableFuture.supplyAsync(VanishingExceptionDemo::decode, pool)
                        .thenApply(size -> "decoded " + size + " bytes")
                        .exceptionally(e -> "handled in exceptionally: " + e.getCause())
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                withCallback = "unexpected: " + e;
            }
            awaitDone(ignored);
            return new Result(ignored.state().name(), readFuture, withCallback);
        }
    }

    private static int decode() {
        throw new IllegalStateException(MESSAGE);
    }

    private static void awaitDone(Future<?> future) throws InterruptedException {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException expected) {
            // only waiting for it to be done, so state() is final
        }
    }
}
