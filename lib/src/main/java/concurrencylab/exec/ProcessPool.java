package concurrencylab.exec;

import java.util.concurrent.AbstractExecutorService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Placeholder: an ExecutorService of worker JVMs (being implemented, issue 4). */
public final class ProcessPool extends AbstractExecutorService {
    /** Not implemented yet. @throws UnsupportedOperationException always */
    public ProcessPool(int workers) {
        throw new UnsupportedOperationException("ProcessPool is not implemented yet (issue 4)");
    }
    /** Not implemented yet. @throws UnsupportedOperationException always */
    public static ProcessPool of(int workers) { return new ProcessPool(workers); }
    @Override public void shutdown() { }
    @Override public List<Runnable> shutdownNow() { return List.of(); }
    @Override public boolean isShutdown() { return true; }
    @Override public boolean isTerminated() { return true; }
    @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
    @Override public void execute(Runnable command) { throw new UnsupportedOperationException(); }
}
