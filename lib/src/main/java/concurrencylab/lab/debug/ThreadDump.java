package concurrencylab.lab.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import concurrencylab.notebook.HtmlView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON thread dump of this JVM, parsed into a tree of thread containers.
 *
 * <p>Unlike {@link Thread#getAllStackTraces()}, a JSON dump lists virtual threads too, and
 * groups every thread under the container that started it: a named
 * {@code StructuredTaskScope} appears with its forked threads beneath it. This is the
 * in-process twin of {@code jcmd <pid> Thread.dump_to_file -format=json file}. Virtual threads
 * started directly ({@code Thread.ofVirtual().start}) are listed under {@code <root>} as long as
 * the system property {@code jdk.trackAllThreads} keeps its default, {@code true}.
 *
 * {@snippet :
 * ThreadDump dump = ThreadDump.take();
 * System.out.println(dump.root().pruned().toText());
 * dump.find("nursery").ifPresent(scope -> System.out.println(scope.toText()));
 * }
 *
 * <p>Immutable once taken, so safe to share between threads. Introduced in notebook
 * {@code 07.5-Debugging-Toolbox}.
 *
 * @param pid  the process id the dump came from
 * @param time when the dump was taken, as the JVM printed it
 * @param root the {@code <root>} container, with every other container below it
 */
public record ThreadDump(long pid, String time, DumpContainer root) implements HtmlView {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Takes a JSON thread dump of this JVM and parses it.
     *
     * @return the parsed dump
     * @throws UncheckedIOException if the dump cannot be written or read back
     */
    public static ThreadDump take() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("threaddump");
            Path file = dir.resolve("dump.json");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not take a JSON thread dump", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Parses the JSON a JDK 21+ thread dump contains.
     *
     * @param json the dump text ({@code {"threadDump": {...}}})
     * @return the parsed dump
     * @throws IllegalArgumentException if the text is not a JSON thread dump
     */
    public static ThreadDump parse(String json) {
        JsonNode dump;
        try {
            dump = JSON.readTree(json).path("threadDump");
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: expected a JSON thread dump", e);
        }
        JsonNode containers = dump.path("threadContainers");
        if (!containers.isArray() || containers.isEmpty()) {
            throw new IllegalArgumentException(
                    "not a JSON thread dump: expected {\"threadDump\": {\"threadContainers\": [...]}}");
        }
        return new ThreadDump(dump.path("processId").asLong(-1), dump.path("time").asText(""),
                buildTree(containers));
    }

    /** Returns every thread in the dump, platform and virtual. */
    public List<DumpedThread> threads() {
        return root.allThreads();
    }

    /** Returns the first container whose name starts with {@code prefix}, e.g. a scope's name. */
    public Optional<DumpContainer> find(String prefix) {
        return root.find(prefix);
    }

    /** Returns the threads whose name starts with {@code prefix}. */
    public List<DumpedThread> threadsNamed(String prefix) {
        return threads().stream().filter(t -> t.name().startsWith(prefix)).toList();
    }

    /** Renders the tree without empty containers as text. */
    @Override
    public String toText() {
        return root.pruned().toText();
    }

    /** Renders the tree without empty containers as nested HTML lists. */
    @Override
    public String toHtml() {
        return root.pruned().toHtml();
    }

    @Override
    public String toString() {
        return "ThreadDump[pid=" + pid + ", " + threads().size() + " threads]";
    }

    private static DumpContainer buildTree(JsonNode containers) {
        Map<String, List<String>> childIds = new HashMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        String rootId = null;
        for (JsonNode c : containers) {
            String id = c.path("container").asText();
            byId.put(id, c);
            JsonNode parent = c.path("parent");
            if (parent.isNull() || parent.isMissingNode()) {
                rootId = rootId == null ? id : rootId;
            } else {
                childIds.computeIfAbsent(parent.asText(), k -> new ArrayList<>()).add(id);
            }
        }
        if (rootId == null) {
            throw new IllegalArgumentException("not a JSON thread dump: no container without a parent");
        }
        return build(rootId, byId, childIds);
    }

    private static DumpContainer build(String id, Map<String, JsonNode> byId,
                                       Map<String, List<String>> childIds) {
        JsonNode c = byId.get(id);
        List<DumpedThread> threads = new ArrayList<>();
        for (JsonNode t : c.path("threads")) {
            threads.add(thread(t));
        }
        List<DumpContainer> children = new ArrayList<>();
        for (String child : childIds.getOrDefault(id, List.of())) {
            if (byId.containsKey(child)) {
                children.add(build(child, byId, childIds));
            }
        }
        JsonNode owner = c.path("owner");
        long ownerTid = owner.isNull() || owner.isMissingNode() ? -1 : owner.asLong(-1);
        return new DumpContainer(id, ownerTid, threads, children);
    }

    private static DumpedThread thread(JsonNode t) {
        List<String> stack = new ArrayList<>();
        for (JsonNode frame : t.path("stack")) {
            stack.add(frame.asText());
        }
        return new DumpedThread(t.path("tid").asLong(), t.path("name").asText(""),
                t.path("virtual").asBoolean(false), t.path("state").asText(""), stack);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve("dump.json"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp file left behind is harmless; the dump itself succeeded or already failed
        }
    }
}
