package concurrencylab.exec;

import java.util.concurrent.Callable;

/** Carries a submitted Runnable to a worker as a Callable returning null. */
record RunnableCall(Runnable runnable) implements Callable<Object>, java.io.Serializable {
    @Override
    public Object call() {
        runnable.run();
        return null;
    }

    @Override
    public String toString() {
        return runnable.toString();
    }
}
