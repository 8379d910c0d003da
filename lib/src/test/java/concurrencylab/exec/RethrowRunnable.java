package concurrencylab.exec;

import java.io.Serializable;

/** Test Runnable: throws the given unchecked exception, exactly as given. */
record RethrowRunnable(RuntimeException failure) implements Runnable, Serializable {
    @Override
    public void run() {
        throw failure;
    }
}
