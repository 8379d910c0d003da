package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;

/** Test task: throws the given exception or error, exactly as given; it never returns a {@code T}. */
record Rethrow<T>(Throwable failure) implements PortableCallable<T> {

    Rethrow {
        if (!(failure instanceof Exception) && !(failure instanceof Error)) {
            throw new IllegalArgumentException("an Exception or an Error, got " + failure);
        }
    }

    @Override
    public T call() throws Exception {
        if (failure instanceof Error e) {
            throw e;
        }
        throw (Exception) failure;
    }
}
