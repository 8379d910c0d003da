package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;

/** Test task: returns an object that cannot be serialized. */
record ReturnsUnserializable() implements PortableCallable<Object> {
    @Override
    public Object call() {
        return new Object();
    }
}
