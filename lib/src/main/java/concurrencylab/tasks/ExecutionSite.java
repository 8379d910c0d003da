package concurrencylab.tasks;

import concurrencylab.util.RowTable;
import java.io.Serializable;
import java.util.ArrayList;
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
 * Where a piece of code ran: which process, which thread, and for a virtual thread which
 * carrier. Java's version of printing {@code os.getpid()} and {@code threading.get_ident()};
 * the answer of {@link LabTasks#reportExecutionSite()}, and what {@link HashReport} and the
 * crawlers record for every stage.
 *
 * {@snippet :
 * Thread.ofVirtual().start(() -> System.out.println(ExecutionSite.here()));
 * // pid 4242, thread #42 (virtual, carrier ForkJoinPool-1-worker-2)
 * ExecutionSite site = pool.submit(LabTasks.reportExecutionSite()).get(30, TimeUnit.SECONDS);
 * }
 *
 * <p>A virtual thread's {@code toString()} names the platform thread carrying it, e.g.
 * {@code VirtualThread[#42]/runnable@ForkJoinPool-1-worker-2}; {@link #carrier()} is the part
 * after the {@code @}. Introduced in notebook {@code 07.4-Hybrid-Crawler}, toured in
 * {@code 07.5-Debugging-Toolbox}.
 *
 * <p>Thread safety: an immutable record; serializable, so a worker JVM can send it back.
 *
 * @param pid     the operating-system process id
 * @param thread  the thread's name, or {@code #id} when it has none (virtual threads often have none)
 * @param virtual whether the thread is a virtual thread
 * @param carrier the carrier thread of a mounted virtual thread, {@code ""} for a platform thread
 */
public record ExecutionSite(long pid, String thread, boolean virtual, String carrier) implements Serializable {

    /** Returns where the calling code runs. */
    public static ExecutionSite here() {
        Thread t = Thread.currentThread();
        String s = t.toString(); // e.g. VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1
        String carrier = t.isVirtual() && s.contains("@") ? s.substring(s.lastIndexOf('@') + 1) : "";
        String name = t.getName().isEmpty() ? "#" + t.threadId() : t.getName();
        return new ExecutionSite(ProcessHandle.current().pid(), name, t.isVirtual(), carrier);
    }

    /**
     * Asks {@link #here()} from the caller, a platform pool, a virtual thread and the common
     * pool (a {@code CompletableFuture.supplyAsync}).
     *
     * @return one row per place: who asked, pid, thread, virtual, carrier
     * @throws IllegalStateException if a place did not answer within 5 s
     */
    public static Table tour() {
        List<Map.Entry<String, ExecutionSite>> rows = new ArrayList<>();
        rows.add(Map.entry("caller (this cell)", here()));
        try (ExecutorService pool = Executors.newFixedThreadPool(1);
             ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            rows.add(Map.entry("fixed pool task", answer(pool.submit(ExecutionSite::here))));
            rows.add(Map.entry("virtual thread task", answer(vts.submit(ExecutionSite::here))));
            rows.add(Map.entry("supplyAsync (common pool)", answer(CompletableFuture.supplyAsync(ExecutionSite::here))));
        }
        return RowTable.of(rows)
                .text("who", Map.Entry::getKey)
                .longs("pid", e -> e.getValue().pid())
                .text("thread", e -> e.getValue().thread())
                .flags("virtual", e -> e.getValue().virtual())
                .text("carrier", e -> e.getValue().carrier())
                .toTable("Who ran what");
    }

    private static ExecutionSite answer(Future<ExecutionSite> site) {
        try {
            return site.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a place answered", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a place did not answer: " + e, e);
        }
    }

    @Override
    public String toString() {
        String kind = virtual ? "virtual, carrier " + (carrier.isEmpty() ? "?" : carrier) : "platform";
        return "pid " + pid + ", thread " + thread + " (" + kind + ")";
    }

}
