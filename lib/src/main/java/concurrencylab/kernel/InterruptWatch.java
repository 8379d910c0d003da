package concurrencylab.kernel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * JJava's map of the snippets in flight, which tells {@link CellSession} about every interrupt.
 * JJava interrupts by calling {@code forEach} on this map and cancelling each future; when the
 * cell is between two snippets the map is empty and the interrupt would be lost, so this map
 * reports the interrupt before it lets JJava iterate. Otherwise a plain
 * {@link ConcurrentHashMap}, and as thread-safe.
 */
final class InterruptWatch<K, V> extends ConcurrentHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final transient Runnable onInterrupt;

    InterruptWatch(Runnable onInterrupt) {
        this.onInterrupt = onInterrupt;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        onInterrupt.run();
        super.forEach(action);
    }
}
