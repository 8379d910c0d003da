package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;

/** Test task: always throws IllegalStateException with the given message. */
record Boom(String message) implements PortableCallable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException(message);
    }
}
