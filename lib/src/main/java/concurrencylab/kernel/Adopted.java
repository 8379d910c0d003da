package concurrencylab.kernel;

/**
 * A resource a library factory handed to the running cell ({@link CellSession#adopt}): what
 * to call it in the report, how many units it counts for, and how to stop it at once.
 *
 * @param kind  singular noun for the report, e.g. {@code "worker JVM"} or {@code "lab server"}
 * @param units how many of {@code kind} it is, e.g. a pool's number of worker JVMs
 * @param what  its {@code toString()} when it was adopted, for messages
 * @param stop  stops it without waiting for queued work; may block for a bounded time
 */
record Adopted(String kind, int units, String what, Runnable stop) {
}
