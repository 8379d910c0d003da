package concurrencylab.tasks;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can be shipped to another JVM: it is {@link Serializable} and its
 * class must be on the classpath of the receiving JVM.
 *
 * <p>Use it as the target type of a lambda to make the lambda serializable:
 * {@snippet :
 * PortableCallable<Long> task = LabTasks.countPrimes(1, 100_000);
 * }
 * A lambda written in a notebook cell is serializable with this type, but its class still
 * lives only in the kernel's JVM, so a process pool refuses it.
 *
 * <p>Thread safety: implementations in this package are immutable and may be called from
 * any thread, any number of times.
 *
 * @param <T> the result type, which must be {@link Serializable} to come back from a worker
 */
@FunctionalInterface
public interface PortableCallable<T> extends Callable<T>, Serializable {
}
