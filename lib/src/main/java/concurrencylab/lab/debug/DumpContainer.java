package concurrencylab.lab.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
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
                            List<DumpContainer> children) {

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

    /** Returns a copy keeping only the threads that match (containers are kept). */
    public DumpContainer filterThreads(Predicate<DumpedThread> keep) {
        return new DumpContainer(id, ownerTid, threads.stream().filter(keep).toList(),
                children.stream().map(c -> c.filterThreads(keep)).toList());
    }

    /** Renders this subtree as an indented text tree, one line per container and thread. */
    public String toText() {
        return DumpRenderer.text(this);
    }

    /** Renders this subtree as nested HTML lists. */
    public String toHtml() {
        return DumpRenderer.html(this);
    }

    /**
     * Returns one row per thread in this subtree: its container path (e.g. {@code order/items}),
     * thread id and name, kind, state, and where it is in your code.
     */
    public Table toTable() {
        StringColumn path = StringColumn.create("container");
        StringColumn id = StringColumn.create("thread");
        StringColumn name = StringColumn.create("name");
        BooleanColumn virtual = BooleanColumn.create("virtual");
        StringColumn state = StringColumn.create("state");
        StringColumn where = StringColumn.create("where");
        addRows("", path, id, name, virtual, state, where);
        return Table.create("Threads under [" + name() + "]", path, id, name, virtual, state, where);
    }

    private void addRows(String parentPath, StringColumn path, StringColumn id, StringColumn name,
                         BooleanColumn virtual, StringColumn state, StringColumn where) {
        String mine = parentPath.isEmpty() ? name() : parentPath + "/" + name();
        for (DumpedThread t : threads) {
            path.append(mine);
            id.append("#" + t.tid());
            name.append(t.label());
            virtual.append(t.virtual());
            state.append(t.state());
            where.append(t.userFrame());
        }
        children.forEach(c -> c.addRows(mine, path, id, name, virtual, state, where));
    }

    @Override
    public String toString() {
        return toText();
    }
}
