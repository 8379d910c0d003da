package concurrencylab.lab.crawling;

/**
 * The depth of a {@link HashPipeline}'s queue at one moment, recorded right after a put or a take.
 *
 * <p>Thread safety: an immutable record.
 *
 * @param millis milliseconds since the pipeline started
 * @param depth  items waiting in the queue at that moment
 */
public record DepthSample(double millis, int depth) {
}
