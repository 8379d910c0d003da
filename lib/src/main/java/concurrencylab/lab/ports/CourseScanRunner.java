package concurrencylab.lab.ports;

import concurrencylab.scan.PortSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code ./course scan --ports SPEC 127.0.0.1} as a user does, for the benchmark: the
 * whole process (the launcher script, the JVM's start, the scan and the exit), timed from its
 * start to its exit, as {@link NmapRunner} times nmap. Loopback only: the target is fixed.
 * Each run waits at most {@value #LIMIT_SECONDS} s. Stateless and thread-safe.
 */
public final class CourseScanRunner {
    private static final Pattern OPEN = Pattern.compile("open ports on \\S+: (none|\\[[0-9, ]*\\])");
    static final long LIMIT_SECONDS = 120;

    /** One run: the open ports the command printed, and the process's wall time. */
    public record Run(List<Integer> open, double wallSeconds) {
    }

    private final Path launcher;

    /** A runner of the launcher at {@code launcher} (the course's {@code ./course}). */
    public CourseScanRunner(Path launcher) {
        this.launcher = launcher;
    }

    /** Returns whether the launcher is an executable file. */
    public boolean available() {
        return Files.isRegularFile(launcher) && Files.isExecutable(launcher);
    }

    /** Returns the launcher this runner starts. */
    public Path launcher() {
        return launcher;
    }

    /**
     * Scans {@code ports} of 127.0.0.1 with {@code ./course scan}.
     *
     * @throws IOException if the command fails, prints no result line or outlives its limit
     */
    public Run scan(PortSpec ports) throws IOException, InterruptedException {
        List<String> cmd = List.of(launcher.toString(), "scan", "--ports", ports.toString(), "127.0.0.1");
        Path log = Files.createTempFile("course-scan-", ".txt");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("./course scan did not finish within " + LIMIT_SECONDS + " s");
                }
            } finally {
                p.destroyForcibly();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            String out = Files.readString(log);
            Matcher m = OPEN.matcher(out);
            if (p.exitValue() != 0 || !m.find()) {
                throw new IOException("./course scan failed (exit " + p.exitValue() + "): " + out.strip());
            }
            return new Run(parse(m.group(1)), wall);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Returns the ports of a result line's list: {@code none} or {@code [22, 80]}. */
    static List<Integer> parse(String list) {
        List<Integer> open = new ArrayList<>();
        if (!list.equals("none")) {
            for (String p : list.substring(1, list.length() - 1).split(",")) {
                if (!p.isBlank()) {
                    open.add(Integer.parseInt(p.strip()));
                }
            }
        }
        return open;
    }
}
