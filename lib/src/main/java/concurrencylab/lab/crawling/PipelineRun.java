package concurrencylab.lab.crawling;

import concurrencylab.util.Require;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one {@link HashPipeline#run}: every page (failures included, in the order of
 * the URIs), the queue's depth over time, and how much the fetchers were held back.
 *
 * {@snippet :
 * PipelineRun run = HashPipeline.create(4).run(uris);
 * System.out.println(run.maxDepth() + " <= " + run.capacity());
 * System.out.println(run.summary());
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param capacity        the queue's capacity
 * @param producers       fetchers (virtual threads)
 * @param consumers       hashers (platform threads)
 * @param pages           one result per URI, in order
 * @param depth           the queue's depth after every put and take, in time order
 * @param elapsed         from start to the last hash
 * @param producersDone   from start to when the last fetcher finished
 * @param producerBlocked time the fetchers spent blocked in {@code put}, summed over fetchers
 * @param blockedPuts     puts that found the queue full and had to wait
 * @param peakQueuedBytes most body bytes waiting to be hashed at once: in the queue, or held by a
 *                        fetcher blocked in {@code put} (approximate: read after a put)
 */
public record PipelineRun(int capacity, int producers, int consumers, List<HashedPage> pages,
                          List<DepthSample> depth, Duration elapsed, Duration producersDone,
                          Duration producerBlocked, int blockedPuts, long peakQueuedBytes) {

    /** Copies the lists so the record stays immutable. */
    public PipelineRun {
        pages = List.copyOf(pages);
        depth = List.copyOf(depth);
        Require.nonNull("elapsed", elapsed);
        Require.nonNull("producersDone", producersDone);
        Require.nonNull("producerBlocked", producerBlocked);
    }

    /** Returns the deepest the queue was seen. */
    public int maxDepth() {
        return depth.stream().mapToInt(DepthSample::depth).max().orElse(0);
    }

    /** Returns how many pages came out of the second stage hashed. */
    public int hashed() {
        return (int) pages.stream().filter(HashedPage::ok).count();
    }

    /** Returns the pages that failed, each with its stage and reason. */
    public List<HashedPage> failures() {
        return pages.stream().filter(p -> !p.ok()).toList();
    }

    /**
     * Returns the share of the fetchers' time spent blocked on a full queue: blocked time over
     * {@code producers × producersDone}, between 0 and 1.
     */
    public double blockedShare() {
        double available = (double) producers * producersDone.toNanos();
        return available <= 0 ? 0 : Math.min(1, producerBlocked.toNanos() / available);
    }

    /** Returns one line: capacity, counts, depth, blocking and times. */
    public String summary() {
        return String.format(Locale.ROOT,
                "capacity %d: %d pages, %d hashed, %d failed; max depth %d; fetchers blocked %d times, %.0f %% of"
                        + " their time; fetchers done at %.2f s, hashers at %.2f s; peak %,d bytes waiting (queued or in a blocked put)",
                capacity, pages.size(), hashed(), pages.size() - hashed(), maxDepth(), blockedPuts,
                100 * blockedShare(), producersDone.toNanos() / 1e9, elapsed.toNanos() / 1e9, peakQueuedBytes);
    }

    @Override
    public String toString() {
        return summary();
    }
}
