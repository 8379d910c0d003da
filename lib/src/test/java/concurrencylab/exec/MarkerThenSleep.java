package concurrencylab.exec;

import concurrencylab.tasks.PortableCallable;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test task: writes its pid to {@code marker} (a cross-process latch), then sleeps interruptibly. */
record MarkerThenSleep(String marker, long millis) implements PortableCallable<Long> {
    @Override
    public Long call() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path tmp = Path.of(marker + ".tmp");
        Files.writeString(tmp, Long.toString(pid));
        Files.move(tmp, Path.of(marker)); // appears whole
        Thread.sleep(millis);
        return pid;
    }
}
