package concurrencylab.lab.server;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the server does with its {@code n}-th admitted request: which fault (if any) and how
 * long to wait first. A pure function of the seed and {@code n}, so two servers with the same
 * seed that see requests in the same order behave the same. Also derives the page links and
 * image bytes from the seed. Stateless and thread-safe.
 */
record RequestPlan(Fault fault, Duration delay) {

    /** What a request gets. */
    enum Fault { NONE, ERROR_500, RESET, STALL }

    private static final long PLAN_SALT = 0x5DEECE66DL;
    private static final long PAGE_SALT = 0x2545F4914F6CDD1DL;
    private static final long IMAGE_SALT = 0x9E3779B97F4A7C15L;

    /** Decides request number {@code n} under {@code config}. */
    static RequestPlan of(LabConfig config, long n) {
        SplittableRandom random = new SplittableRandom(mix(config.seed() ^ PLAN_SALT, n));
        double roll = random.nextDouble();
        long jitterNanos = config.jitter().toNanos();
        long extra = jitterNanos == 0 ? 0 : random.nextLong(jitterNanos + 1);
        Duration delay = config.latency().plusNanos(extra);
        Fault fault;
        if (roll < config.errorRate()) {
            fault = Fault.ERROR_500;
        } else if (roll < config.errorRate() + config.resetRate()) {
            fault = Fault.RESET;
        } else if (roll < config.errorRate() + config.resetRate() + config.stallRate()) {
            fault = Fault.STALL;
        } else {
            fault = Fault.NONE;
        }
        return new RequestPlan(fault, fault == Fault.STALL ? config.stall() : delay);
    }

    /** Returns page {@code n}'s links: distinct pages other than {@code n}, at most {@code pages - 1}. */
    static List<Integer> links(LabConfig config, int n) {
        int count = Math.min(config.linksPerPage(), config.pages() - 1);
        SplittableRandom random = new SplittableRandom(mix(config.seed() ^ PAGE_SALT, n));
        Set<Integer> links = new LinkedHashSet<>();
        while (links.size() < count) {
            int m = random.nextInt(config.pages());
            if (m != n) {
                links.add(m);
            }
        }
        return List.copyOf(links);
    }

    /** Returns image {@code n}'s bytes: {@code imageBytes} seeded pseudo-random bytes. */
    static byte[] image(LabConfig config, long n) {
        byte[] body = new byte[config.imageBytes()];
        new SplittableRandom(mix(config.seed() ^ IMAGE_SALT, n)).nextBytes(body);
        return body;
    }

    private static long mix(long seed, long n) {
        return seed * 0xBF58476D1CE4E5B9L + n * 0x94D049BB133111EBL + 1;
    }
}
