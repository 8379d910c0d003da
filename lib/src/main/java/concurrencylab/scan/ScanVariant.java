package concurrencylab.scan;

import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The three ways the course writes the same scan, for side-by-side comparison.
 *
 * {@snippet :
 * for (ScanVariant v : ScanVariant.values()) {
 *     System.out.println(v.scanner().scan(ScanRequest.loopback("1-1024")).summary());
 * }
 * }
 *
 * <p>Immutable and thread-safe. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public enum ScanVariant {
    /** {@link StructuredPortScanner}: {@code StructuredTaskScope} forks and joins the workers. */
    STRUCTURED(StructuredPortScanner::new, StructuredPortScanner::new),
    /** {@link FuturePortScanner}: {@code CompletableFuture.runAsync} and {@code allOf}. */
    COMPLETABLE_FUTURE(FuturePortScanner::new, FuturePortScanner::new),
    /** {@link ExecutorPortScanner}: {@code ExecutorService.submit} and {@code Future.get}. */
    EXECUTOR(ExecutorPortScanner::new, ExecutorPortScanner::new);

    private final Supplier<PortScanner> factory;
    private final BiFunction<Connector, ThreadFactory, PortScanner> wiring;

    ScanVariant(Supplier<PortScanner> factory, BiFunction<Connector, ThreadFactory, PortScanner> wiring) {
        this.factory = factory;
        this.wiring = wiring;
    }

    /** Returns a scanner of this variant with another probe and thread factory (tests, CLI). */
    public PortScanner scanner(Connector connector, ThreadFactory threads) {
        return wiring.apply(connector, threads);
    }

    /** Returns a new scanner of this variant. */
    public PortScanner scanner() {
        return factory.get();
    }

    /**
     * Returns the variant named {@code structured}, {@code future} or {@code executor}
     * (case-insensitive; the enum constant names are accepted too).
     *
     * @throws IllegalArgumentException for any other name, listing the accepted ones
     */
    public static ScanVariant parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "structured" -> STRUCTURED;
            case "future", "completable_future", "completablefuture" -> COMPLETABLE_FUTURE;
            case "executor" -> EXECUTOR;
            default -> throw new IllegalArgumentException("unknown scanner variant '" + name
                    + "'; accepted: structured, future, executor");
        };
    }
}
