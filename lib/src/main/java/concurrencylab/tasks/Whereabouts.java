package concurrencylab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which process, thread and carrier is running the code that calls {@link #here()}: Java's
 * version of printing {@code pid} and {@code threading.get_ident()}.
 *
 * <p>A virtual thread's {@code toString()} names the platform thread carrying it, e.g.
 * {@code VirtualThread[#42]/runnable@ForkJoinPool-1-worker-2}; {@link #carrier()} is the part
 * after the {@code @}.
 *
 * {@snippet :
 * Thread.ofVirtual().start(() -> System.out.println(Whereabouts.here()));
 * // pid 4242, VirtualThread[#42] (virtual) on ForkJoinPool-1-worker-2
 * }
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param label   who asked (free text)
 * @param pid     the process id
 * @param thread  the thread's name, or {@code #id} when it has none
 * @param virtual whether the thread is virtual
 * @param carrier the carrier thread of a mounted virtual thread, or {@code ""}
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record Whereabouts(String label, long pid, String thread, boolean virtual, String carrier) {

    /** Returns where the calling code runs, labelled {@code here}. */
    public static Whereabouts here() {
        return here("here");
    }

    /** Returns where the calling code runs, with a label of your choice. */
    public static Whereabouts here(String label) {
        Thread t = Thread.currentThread();
        String s = t.toString();
        String carrier = t.isVirtual() && s.contains("@") ? s.substring(s.lastIndexOf('@') + 1) : "";
        String name = t.getName().isEmpty() ? "#" + t.threadId() : t.getName();
        return new Whereabouts(label, ProcessHandle.current().pid(), name, t.isVirtual(), carrier);
    }

    /**
     * Asks {@link #here()} from the caller, a platform pool, a virtual thread, the common pool
     * (a {@code CompletableFuture.supplyAsync}) and a {@code parallelStream}.
     *
     * @return one row per place
     * @throws IllegalStateException if a place did not answer within 5 s
     */
    public static Table tour() {
        List<Whereabouts> rows = new ArrayList<>();
        rows.add(here("caller (this cell)"));
        try (ExecutorService pool = Executors.newFixedThreadPool(1);
             ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            rows.add(pool.submit(() -> here("fixed pool task")).get(5, TimeUnit.SECONDS));
            rows.add(vts.submit(() -> here("virtual thread task")).get(5, TimeUnit.SECONDS));
            rows.add(CompletableFuture.supplyAsync(() -> here("supplyAsync (common pool)"))
                    .get(5, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("a place did not answer: " + e, e);
        }
        return toTable(rows);
    }

    /** Returns one row per whereabouts. */
    public static Table toTable(List<Whereabouts> rows) {
        StringColumn label = StringColumn.create("who");
        LongColumn pid = LongColumn.create("pid");
        StringColumn thread = StringColumn.create("thread");
        BooleanColumn virtual = BooleanColumn.create("virtual");
        StringColumn carrier = StringColumn.create("carrier");
        for (Whereabouts w : rows) {
            label.append(w.label());
            pid.append(w.pid());
            thread.append(w.thread());
            virtual.append(w.virtual());
            carrier.append(w.carrier());
        }
        return Table.create("Who ran what", label, pid, thread, virtual, carrier);
    }

    @Override
    public String toString() {
        return label + ": pid " + pid + ", " + thread + (virtual ? " (virtual) on " + carrier : "");
    }
}
