package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.*;

import concurrencylab.lab.debug.LeakCheck;
import concurrencylab.lab.debug.LeakReport;
import concurrencylab.lab.server.LabServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded-queue pipeline: nothing lost, never above capacity, back-pressure, a clean bounded shutdown. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HashPipelineTest {

    private static final int PAGES = 30;
    private static final int ROUNDS = 500;

    @Test
    @DisplayName("every page comes out hashed right, and the queue never holds more than its capacity")
    void allItemsComeOutWithinCapacity() throws Exception {
        List<String> expected = Pages.expectedDigests(PAGES, ROUNDS);
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            PipelineRun run = HashPipeline.create(3).withProducers(8).withConsumers(2).withRounds(ROUNDS)
                    .run(Pages.uris(server, PAGES));
            assertEquals(PAGES, run.pages().size());
            for (int i = 0; i < PAGES; i++) {
                HashedPage p = run.pages().get(i);
                assertTrue(p.ok(), p.failure());
                assertEquals(expected.get(i), p.sha256());
                assertTrue(p.hashedBy().thread().startsWith("hasher-"));
                assertTrue(p.fetchedBy().virtual());
            }
            assertTrue(run.maxDepth() <= 3, "depth " + run.maxDepth() + " above capacity 3");
            assertTrue(run.depth().stream().allMatch(s -> s.depth() >= 0 && s.depth() <= 3));
            assertEquals(2 * PAGES, run.depth().size(), "one sample after each put and each take");
        }
    }

    @Test
    @DisplayName("hashers far slower than fetchers: puts block, yet the queue stays within capacity and all pages come out")
    void slowConsumersPushBack() throws Exception {
        int pages = 12;
        try (LabServer server = LabServer.start(Pages.config(pages).withLatency(Duration.ZERO).withJitter(Duration.ZERO))) {
            PipelineRun run = HashPipeline.create(1).withProducers(4).withConsumers(1).withRounds(300_000)
                    .run(Pages.uris(server, pages));
            assertEquals(pages, run.hashed());
            assertTrue(run.maxDepth() <= 1);
            assertTrue(run.blockedPuts() > 0, "4 fetchers without latency against one hasher never blocked: " + run);
            assertTrue(run.producerBlocked().compareTo(Duration.ZERO) > 0);
        }
    }

    @Test
    @DisplayName("under injected faults every page is reported, the failed ones at the fetch stage")
    void faultsReported() throws Exception {
        try (LabServer server = LabServer.start(Pages.config(PAGES).withErrorRate(0.2).withResetRate(0.1))) {
            PipelineRun run = HashPipeline.create(2).withProducers(6).withConsumers(2).withRounds(ROUNDS)
                    .run(Pages.uris(server, PAGES));
            assertEquals(PAGES, run.pages().size());
            assertFalse(run.failures().isEmpty());
            assertTrue(run.failures().stream().allMatch(p -> p.failedStage().equals("fetch")), run.failures().toString());
            assertEquals(PAGES, run.hashed() + run.failures().size());
        }
    }

    @Test
    @DisplayName("a run leaves no thread behind, and a deadline stops both stages and reports the rest")
    void cleanAndBoundedShutdown() throws Exception {
        try (LabServer server = LabServer.start(Pages.config(PAGES))) {
            List<URI> uris = Pages.uris(server, PAGES);
            LeakReport clean = LeakCheck.around(() -> HashPipeline.create(2).withRounds(ROUNDS).run(uris));
            assertTrue(clean.isClean(), clean.toString());

            LeakCheck baseline = LeakCheck.snapshot();
            PipelineRun late = HashPipeline.create(1).withProducers(4).withConsumers(1).withRounds(40_000_000)
                    .withDeadline(Duration.ofMillis(500)).run(uris);
            assertEquals(PAGES, late.pages().size());
            assertTrue(late.hashed() < PAGES);
            assertTrue(late.failures().stream().anyMatch(p -> p.failedStage().equals("deadline")
                    || p.failedStage().equals("hash")), late.failures().toString());
            LeakReport leaks = baseline.leaksSince();
            assertTrue(leaks.isClean(), leaks.toString());
        }
    }

    @Test
    @DisplayName("a capacity, producer or consumer count out of range is refused with the accepted range")
    void validates() {
        var e = assertThrows(IllegalArgumentException.class, () -> HashPipeline.create(0));
        assertEquals("capacity must be 1 to 1000000, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HashPipeline.create(2).withConsumers(0));
        assertEquals("consumers must be 1 to 256, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HashPipeline.create(2).withProducers(-1));
        assertEquals("producers must be 1 to 10000, got -1", e.getMessage());
    }
}
