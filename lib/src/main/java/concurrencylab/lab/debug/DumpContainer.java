package concurrencylab.lab.debug;

import concurrencylab.notebook.HtmlView;
import concurrencylab.util.RowTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * A thread container from a JSON thread dump, with its threads and child containers.
 *
 * <p>The JDK groups threads into containers: {@code <root>}, each executor, each
 * {@code StructuredTaskScope} (named by {@code Configuration.withName}), the
 * {@code ForkJoinPool} that carries virtual threads. A scope's forked threads sit under the
 * scope's container, which is how a thread dump shows structure.
 *
 * {@snippet :
 * ThreadDump.take().find("nursery").ifPresent(c -> System.out.println(c.toText()));
 * }
 *
 * <p>Immutable once built, so safe to share between threads.
 *
 * @param id       the container's full identity as the dump printed it
 * @param ownerTid the thread that owns it (a scope's opener), or -1 when none
 * @param threads  the threads directly in this container
 * @param children the containers whose parent is this one
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record DumpContainer(String id, long ownerTid, List<DumpedThread> threads,
                            List<DumpContainer> children) implements HtmlView {

    /** Copies the lists so the record stays immutable. */
    public DumpContainer {
        threads = List.copyOf(threads);
        children = List.copyOf(children);
    }

    /** Returns the readable name: the id without its {@code /jdk.internal...} suffix. */
    public String name() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** Returns this container and every container below it, depth first. */
    public Stream<DumpContainer> flatten() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(DumpContainer::flatten));
    }

    /** Returns every thread in this container and below it. */
    public List<DumpedThread> allThreads() {
        return flatten().flatMap(c -> c.threads().stream()).toList();
    }

    /** Returns the first container (depth first) whose name starts with {@code prefix}. */
    public Optional<DumpContainer> find(String prefix) {
        return flatten().filter(c -> c.name().startsWith(prefix)).findFirst();
    }

    /** Returns a copy without the subtrees that hold no thread at all. */
    public DumpContainer pruned() {
        List<DumpContainer> kept = new ArrayList<>();
        for (DumpContainer child : children) {
            DumpContainer p = child.pruned();
            if (!p.allThreads().isEmpty()) {
                kept.add(p);
            }
        }
        return new DumpContainer(id, ownerTid, threads, kept);
    }

    /** Renders this subtree as an indented text tree, one line per container and thread. */
    @Override
    public String toText() {
        return DumpRenderer.text(this);
    }

    /** Renders this subtree as nested HTML lists. */
    @Override
    public String toHtml() {
        return DumpRenderer.html(this);
    }

    /**
     * Returns one row per thread in this subtree: its container path (e.g. {@code order/items}),
     * thread id and name, kind, state, and where it is in your code.
     */
    public Table toTable() {
        List<Map.Entry<String, DumpedThread>> rows = new ArrayList<>();
        addRows("", rows);
        return RowTable.of(rows)
                .text("container", Map.Entry::getKey)
                .text("thread", r -> "#" + r.getValue().tid())
                .text("name", r -> r.getValue().label())
                .flags("virtual", r -> r.getValue().virtual())
                .text("state", r -> r.getValue().state())
                .text("where", r -> r.getValue().userFrame())
                .toTable("Threads under [" + name() + "]");
    }

    /** Adds this container's threads, each with its container path, then those of its children. */
    private void addRows(String parentPath, List<Map.Entry<String, DumpedThread>> rows) {
        String mine = parentPath.isEmpty() ? name() : parentPath + "/" + name();
        threads.forEach(t -> rows.add(Map.entry(mine, t)));
        children.forEach(c -> c.addRows(mine, rows));
    }

    @Override
    public String toString() {
        return toText();
    }
}
