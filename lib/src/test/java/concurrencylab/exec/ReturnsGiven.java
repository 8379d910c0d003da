package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;
import java.io.Serializable;

/** Test task: returns the very object it holds (in a worker JVM: its deserialized copy). */
record ReturnsGiven<T extends Serializable>(T value) implements PortableCallable<T> {
    @Override
    public T call() {
        return value;
    }
}
