package concurrencylab.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a JVM has running at one moment: platform threads, child processes, listening ports. */
record ResourceSnapshot(Set<Long> threadIds, Set<Long> childPids, Set<Integer> listeningPorts) {

    static ResourceSnapshot take() {
        return new ResourceSnapshot(
                Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet()),
                ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                        .map(ProcessHandle::pid).collect(Collectors.toSet()),
                ListeningPorts.ofThisProcess());
    }

    /** Polls until nothing new is alive or the grace period ends; returns what is left. */
    LeakSummary leaksAfter(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            LeakSummary leaks = leaksNow();
            if (leaks.isClean() || System.nanoTime() >= deadline) {
                return leaks;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return leaks;
            }
        }
    }

    /**
     * JDK-internal daemon threads that the runtime starts lazily on first use of a feature
     * (Java2D, process reaping, the common pool, JFR, attach) and owns itself: not leaks.
     */
    private static final java.util.regex.Pattern JDK_INTERNAL = java.util.regex.Pattern.compile(
            "Java2D Disposer|Common-Cleaner|process reaper.*|ForkJoinPool\\.commonPool-worker-\\d+"
            + "|Attach Listener|JFR .*|Notification Thread|Signal Dispatcher|Reference Handler|Finalizer"
            + "|AWT-.*|Image Fetcher \\d+|Thread-\\d+ \\(MXBean\\)|RMI .*|JMX .*");

    private LeakSummary leaksNow() {
        Set<Thread> live = Thread.getAllStackTraces().keySet();
        // The virtual-thread scheduler is a ForkJoinPool of carrier threads the JDK starts on
        // first use and keeps; its delay scheduler and unblocker thread come with it.
        Set<String> carrierPools = live.stream().filter(ResourceSnapshot::isCarrier)
                .map(t -> t.getName().replaceAll("worker-\\d+$", "")).collect(Collectors.toSet());
        var threads = live.stream()
                .filter(t -> t.isAlive() && !threadIds.contains(t.threadId()))
                .filter(t -> !(t.isDaemon() && JDK_INTERNAL.matcher(t.getName()).matches()))
                .filter(t -> !isCarrier(t) && !t.getName().equals("VirtualThread-unblocker")
                        && !carrierPools.contains(t.getName().replaceAll("delayScheduler$", "")))
                .map(t -> t.getName().isEmpty() ? "#" + t.threadId() : t.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        var pids = ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && !childPids.contains(p.pid()))
                .map(p -> p.pid() + p.info().command().map(c -> " (" + Path.of(c).getFileName() + ")").orElse(""))
                .collect(Collectors.toCollection(TreeSet::new));
        var ports = new TreeSet<>(ListeningPorts.ofThisProcess());
        ports.removeAll(listeningPorts);
        return new LeakSummary(threads, pids, ports);
    }

    private static boolean isCarrier(Thread thread) {
        return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread");
    }

    /** Listening TCP ports whose sockets this process holds (Linux /proc; empty elsewhere). */
    static final class ListeningPorts {
        private ListeningPorts() {}

        static Set<Integer> ofThisProcess() {
            Path fds = Path.of("/proc/self/fd");
            if (!Files.isDirectory(fds)) {
                return Set.of();
            }
            Set<String> inodes;
            try (Stream<Path> list = Files.list(fds)) {
                inodes = list.map(ListeningPorts::linkTarget)
                        .filter(t -> t.startsWith("socket:["))
                        .map(t -> t.substring(8, t.length() - 1))
                        .collect(Collectors.toSet());
            } catch (IOException e) {
                return Set.of();
            }
            var ports = new TreeSet<Integer>();
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                try (Stream<String> lines = Files.lines(Path.of(table))) {
                    lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
                            .filter(f -> f.length > 9 && f[3].equals("0A") && inodes.contains(f[9]))
                            .forEach(f -> ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16)));
                } catch (IOException | RuntimeException e) {
                    // a table we cannot read contributes nothing
                }
            }
            return ports;
        }

        private static String linkTarget(Path fd) {
            try {
                return Files.readSymbolicLink(fd).toString();
            } catch (IOException e) {
                return "";
            }
        }
    }
}
