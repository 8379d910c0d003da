package concurrencylab.lab.crawling;

import concurrencylab.tasks.WhoRan;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables of hybrid crawls and pipelines, for notebook {@code 07.4-Hybrid-Crawler}
 * (a {@code Table} as a cell's value renders as HTML there).
 *
 * {@snippet :
 * HybridTables.whoRan(runs, 2);   // per variant, two pages: stage, pid, thread, virtual?, carrier
 * HybridTables.variants(runs);    // per variant: pages, hashed, failed, seconds, fetch median and p95
 * }
 * <p>Thread safety: stateless; each call builds a new table.
 */
public final class HybridTables {

    private HybridTables() {
    }

    /**
     * Returns who ran each stage for the first {@code perRun} hashed pages of each run: variant,
     * page, stage ({@code fetch} or {@code hash}), pid, thread, virtual or not, carrier thread.
     *
     * @throws IllegalArgumentException if {@code perRun < 1}
     */
    public static Table whoRan(List<HybridRun> runs, int perRun) {
        if (perRun < 1) {
            throw new IllegalArgumentException("perRun must be at least 1, got " + perRun);
        }
        Table t = Table.create("who ran what", StringColumn.create("variant"), IntColumn.create("page"),
                StringColumn.create("stage"), LongColumn.create("pid"), StringColumn.create("thread"),
                BooleanColumn.create("virtual"), StringColumn.create("carrier"));
        for (HybridRun run : runs) {
            run.pages().stream().filter(HashedPage::ok).limit(perRun).forEach(p -> {
                addWho(t, run.variant(), p.index(), "fetch", p.fetchedBy());
                addWho(t, run.variant(), p.index(), "hash", p.hashedBy());
            });
        }
        return t;
    }

    private static void addWho(Table t, HybridVariant variant, int page, String stage, WhoRan who) {
        t.stringColumn("variant").append(variant.label());
        t.intColumn("page").append(page);
        t.stringColumn("stage").append(stage);
        t.longColumn("pid").append(who.pid());
        t.stringColumn("thread").append(who.threadName().isEmpty() ? "(unnamed)" : who.threadName());
        t.booleanColumn("virtual").append(who.virtual());
        t.stringColumn("carrier").append(who.carrier());
    }

    /**
     * Returns one row per run: variant, pages, hashed, failed, seconds, pool start-up seconds,
     * fetch median and 95th percentile in milliseconds.
     */
    public static Table variants(List<HybridRun> runs) {
        Table t = Table.create("hybrid crawl variants", StringColumn.create("variant"), IntColumn.create("pages"),
                IntColumn.create("hashed"), IntColumn.create("failed"), DoubleColumn.create("seconds"),
                DoubleColumn.create("pool start s"), LongColumn.create("fetch median ms"),
                LongColumn.create("fetch p95 ms"));
        for (HybridRun r : runs) {
            t.stringColumn("variant").append(r.variant().label());
            t.intColumn("pages").append(r.pages().size());
            t.intColumn("hashed").append(r.hashed());
            t.intColumn("failed").append(r.pages().size() - r.hashed());
            t.doubleColumn("seconds").append(seconds(r.elapsed().toNanos()));
            t.doubleColumn("pool start s").append(seconds(r.setup().toNanos()));
            t.longColumn("fetch median ms").append(r.fetchQuantile(0.5).toMillis());
            t.longColumn("fetch p95 ms").append(r.fetchQuantile(0.95).toMillis());
        }
        return t;
    }

    /**
     * Returns one row per pipeline run: capacity, pages, hashed, max depth, puts that blocked,
     * share of the fetchers' time blocked, when the fetchers and the hashers were done, and the
     * most body bytes waiting to be hashed at once (queued, or held by a fetcher blocked in {@code put}).
     */
    public static Table pipelines(List<PipelineRun> runs) {
        Table t = Table.create("back-pressure", IntColumn.create("capacity"), IntColumn.create("pages"),
                IntColumn.create("hashed"), IntColumn.create("max depth"), IntColumn.create("blocked puts"),
                DoubleColumn.create("fetchers blocked %"), DoubleColumn.create("fetchers done s"),
                DoubleColumn.create("hashers done s"), LongColumn.create("peak bytes waiting"));
        for (PipelineRun r : runs) {
            t.intColumn("capacity").append(r.capacity());
            t.intColumn("pages").append(r.pages().size());
            t.intColumn("hashed").append(r.hashed());
            t.intColumn("max depth").append(r.maxDepth());
            t.intColumn("blocked puts").append(r.blockedPuts());
            t.doubleColumn("fetchers blocked %").append(Math.round(1000 * r.blockedShare()) / 10.0);
            t.doubleColumn("fetchers done s").append(seconds(r.producersDone().toNanos()));
            t.doubleColumn("hashers done s").append(seconds(r.elapsed().toNanos()));
            t.longColumn("peak bytes waiting").append(r.peakQueuedBytes());
        }
        return t;
    }

    /**
     * Returns the pages that failed in {@code runs}: variant, page, stage and reason.
     */
    public static Table failures(List<HybridRun> runs) {
        Table t = Table.create("failed pages", StringColumn.create("variant"), IntColumn.create("page"),
                StringColumn.create("stage"), StringColumn.create("reason"));
        for (HybridRun r : runs) {
            for (HashedPage p : r.failures()) {
                t.stringColumn("variant").append(r.variant().label());
                t.intColumn("page").append(p.index());
                t.stringColumn("stage").append(p.failedStage());
                t.stringColumn("reason").append(p.failure().substring(p.failedStage().length()).replaceFirst("^: ", ""));
            }
        }
        return t;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
