package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;
import java.io.IOException;

/**
 * Test task: throws an exception that cannot be serialized, with a cause, a suppressed
 * exception, and a cycle (the suppressed one names the thrown one as its cause).
 */
record ThrowsUnserializableChain() implements PortableCallable<Integer> {
    @Override
    public Integer call() {
        var thrown = new ThrowsUnserializable.HoldsThread();
        thrown.initCause(new IOException("root cause"));
        var suppressed = new IllegalStateException("while cleaning up", thrown);
        thrown.addSuppressed(suppressed);
        throw thrown;
    }
}
