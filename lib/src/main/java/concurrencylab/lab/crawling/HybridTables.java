package concurrencylab.lab.crawling;

import concurrencylab.tasks.ExecutionSite;
import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables of hybrid crawls and pipelines, for notebook {@code 07.4-Hybrid-Crawler}
 * (a {@code Table} as a cell's value renders as HTML there).
 *
 * {@snippet :
 * HybridTables.executionSites(runs, 2);   // per variant, two pages: stage, pid, thread, virtual?, carrier
 * HybridTables.variants(runs);    // per variant: pages, hashed, failed, seconds, fetch median and p95
 * }
 * <p>Thread safety: stateless; each call builds a new table.
 */
public final class HybridTables {

    private HybridTables() {
    }

    /**
     * Returns where each stage ran for the first {@code perRun} hashed pages of each run: variant,
     * page, stage ({@code fetch} or {@code hash}), pid, thread, virtual or not, carrier thread.
     *
     * @throws IllegalArgumentException if {@code perRun < 1}
     */
    public static Table executionSites(List<HybridRun> runs, int perRun) {
        Require.atLeast("perRun", perRun, 1);
        List<Stage> rows = new ArrayList<>();
        for (HybridRun run : runs) {
            run.pages().stream().filter(HashedPage::ok).limit(perRun).forEach(p -> {
                rows.add(new Stage(run.variant(), p, "fetch", p.fetchedBy()));
                rows.add(new Stage(run.variant(), p, "hash", p.hashedBy()));
            });
        }
        return RowTable.of(rows)
                .text("variant", r -> r.variant().label())
                .ints("page", r -> r.page().index())
                .text("stage", Stage::stage)
                .longs("pid", r -> r.site().pid())
                .text("thread", r -> r.site().thread())
                .flags("virtual", r -> r.site().virtual())
                .text("carrier", r -> r.site().carrier())
                .toTable("who ran what");
    }

    /**
     * Returns one row per run: variant, pages, hashed, failed, seconds, pool start-up seconds,
     * fetch median and 95th percentile in milliseconds.
     */
    public static Table variants(List<HybridRun> runs) {
        return RowTable.of(runs)
                .text("variant", r -> r.variant().label())
                .ints("pages", r -> r.pages().size())
                .ints("hashed", HybridRun::hashed)
                .ints("failed", r -> r.pages().size() - r.hashed())
                .seconds("seconds", HybridRun::elapsed)
                .seconds("pool start s", HybridRun::setup)
                .longs("fetch median ms", r -> r.fetchMedian().toMillis())
                .longs("fetch p95 ms", r -> r.fetchQuantile(0.95).toMillis())
                .toTable("hybrid crawl variants");
    }

    /**
     * Returns one row per pipeline run: capacity, pages, hashed, max depth, puts that blocked,
     * share of the fetchers' time blocked, when the fetchers and the hashers were done, and the
     * most body bytes waiting to be hashed at once (queued, or held by a fetcher blocked in {@code put}).
     */
    public static Table pipelines(List<PipelineRun> runs) {
        return RowTable.of(runs)
                .ints("capacity", PipelineRun::capacity)
                .ints("pages", r -> r.pages().size())
                .ints("hashed", PipelineRun::hashed)
                .ints("max depth", PipelineRun::maxDepth)
                .ints("blocked puts", PipelineRun::blockedPuts)
                .doubles("fetchers blocked %", r -> Math.round(1000 * r.blockedShare()) / 10.0)
                .seconds("fetchers done s", PipelineRun::producersDone)
                .seconds("hashers done s", PipelineRun::elapsed)
                .longs("peak bytes waiting", PipelineRun::peakQueuedBytes)
                .toTable("back-pressure");
    }

    /**
     * Returns the pages that failed in {@code runs}: variant, page, stage and reason.
     */
    public static Table failures(List<HybridRun> runs) {
        List<Stage> rows = new ArrayList<>();
        for (HybridRun r : runs) {
            r.failures().forEach(p -> rows.add(new Stage(r.variant(), p, p.failedStage(), null)));
        }
        return RowTable.of(rows)
                .text("variant", r -> r.variant().label())
                .ints("page", r -> r.page().index())
                .text("stage", Stage::stage)
                .text("reason", r -> r.page().failure().substring(r.stage().length()).replaceFirst("^: ", ""))
                .toTable("failed pages");
    }

    /** One stage of one page: where it ran, or null when the row is about a failure. */
    private record Stage(HybridVariant variant, HashedPage page, String stage, ExecutionSite site) {
    }
}
