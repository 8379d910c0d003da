package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;

/** Test task: throws an exception that cannot be serialized (it holds a Thread). */
record ThrowsUnserializable() implements PortableCallable<Integer> {

    static final class HoldsThread extends RuntimeException {
        private final Thread thread = Thread.currentThread();

        HoldsThread() {
            super("holds a thread");
        }

        @Override
        public String toString() {
            return super.toString() + " on " + thread.getName();
        }
    }

    @Override
    public Integer call() {
        throw new HoldsThread();
    }
}
