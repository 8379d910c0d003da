package concurrencylab.lab.debug;

import concurrencylab.lab.pitfalls.NurseryDemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadDumpTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    @DisplayName("a live StructuredTaskScope shows as a container named after the scope, owned by its opener, holding its forked virtual threads")
    void liveScopeIsAContainerWithItsThreads() {
        assertTimeoutPreemptively(LIMIT, () -> {
            CountDownLatch started = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ThreadDump dump;
            long opener = Thread.currentThread().threadId();
            try (var scope = StructuredTaskScope.open(Joiner.<Boolean>awaitAll(), cf -> cf.withName("probe-scope")
                    .withThreadFactory(Thread.ofVirtual().name("probe-", 1).factory()))) {
                for (int i = 0; i < 2; i++) {
                    scope.fork(() -> {
                        started.countDown();
                        return release.await(10, TimeUnit.SECONDS);
                    });
                }
                assertTrue(started.await(5, TimeUnit.SECONDS));
                try {
                    dump = ThreadDump.take();
                } finally {
                    release.countDown();
                    scope.join();
                }
            }
            DumpContainer scope = dump.find("probe-scope").orElseThrow(() -> new AssertionError(dump.toText()));
            assertEquals("probe-scope", scope.name());
            assertEquals(opener, scope.ownerTid());
            assertEquals(2, scope.threads().size(), scope::toText);
            assertTrue(scope.threads().stream().allMatch(t -> t.virtual() && t.name().startsWith("probe-")));
            assertTrue(scope.threads().stream().allMatch(t -> t.stack().stream()
                    .anyMatch(f -> f.contains("CountDownLatch.await"))), scope::toText);
            String text = scope.toText();
            assertTrue(text.startsWith("[probe-scope] 2 threads") && text.contains("probe-1"), text);
            String html = scope.toHtml();
            assertTrue(html.contains("<ul>") && html.contains("[probe-scope]") && html.contains("probe-2"), html);
        });
    }

    @Test
    @DisplayName("nested scopes nest in the tree: items sits under order, with two threads of its own, and the table shows the path order/items")
    void nestedScopesNest() {
        assertTimeoutPreemptively(LIMIT, () -> {
            DumpContainer order = NurseryDemo.liveScopeTree();
            assertEquals("order", order.name());
            assertEquals(2, order.threads().size(), order::toText);
            DumpContainer items = order.children().stream().filter(c -> c.name().equals("items"))
                    .findFirst().orElseThrow(() -> new AssertionError(order.toText()));
            assertEquals(2, items.threads().size(), order::toText);
            assertEquals(4, order.allThreads().size());
            var table = order.toTable();
            assertEquals(4, table.rowCount());
            assertEquals(2, table.stringColumn("container").countOccurrences("order/items"), table::print);
        });
    }

    @Test
    @DisplayName("the dump lists the calling platform thread and is pruned of empty containers when rendered")
    void dumpHasCallerAndPrunes() {
        ThreadDump dump = ThreadDump.take();
        assertEquals(ProcessHandle.current().pid(), dump.pid());
        assertTrue(dump.threads().stream().anyMatch(t -> t.tid() == Thread.currentThread().threadId()));
        assertTrue(dump.root().pruned().flatten().allMatch(c -> c == dump.root().pruned() || !c.allThreads().isEmpty()));
        assertTrue(dump.toText().startsWith("[<root>]"), dump.toText());
    }

    @Test
    @DisplayName("parse reads a hand-written dump and rejects text that is not a thread dump")
    void parseHandWrittenAndRejectsOthers() {
        String json = """
                {"threadDump": {"processId": "42", "time": "t", "threadContainers": [
                  {"container": "<root>", "parent": null, "owner": null, "threads": [
                    {"tid": "1", "name": "main", "state": "RUNNABLE", "stack": ["app.Main.main(Main.java:3)"]}]},
                  {"container": "s/jdk.internal.misc.ThreadFlock$ThreadContainerImpl@1", "parent": "<root>",
                   "owner": "1", "threads": [{"tid": "9", "virtual": true, "name": "", "stack": []}]}]}}
                """;
        ThreadDump dump = ThreadDump.parse(json);
        assertEquals(42, dump.pid());
        assertEquals("virtual#9", dump.find("s").orElseThrow().threads().getFirst().label());
        assertEquals(1, dump.find("s").orElseThrow().ownerTid());
        assertThrows(IllegalArgumentException.class, () -> ThreadDump.parse("{\"x\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> ThreadDump.parse("not json"));
    }
}
