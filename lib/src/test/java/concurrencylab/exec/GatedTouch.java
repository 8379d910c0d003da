package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/**
 * Test task, a latch across processes: writes {@code started}, waits (at most
 * {@code maxWaitMillis}) until the file {@code gate} exists, then writes {@code done}.
 */
record GatedTouch(String started, String gate, String done, long maxWaitMillis) implements PortableCallable<Integer> {
    @Override
    public Integer call() throws Exception {
        writeWhole(started);
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000;
        while (!Files.exists(Path.of(gate))) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("no gate " + gate + " after " + maxWaitMillis + " ms");
            }
            Thread.sleep(10);
        }
        writeWhole(done);
        return 1;
    }

    private static void writeWhole(String file) throws Exception {
        Path tmp = Path.of(file + ".tmp");
        Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
        Files.move(tmp, Path.of(file));
    }
}
