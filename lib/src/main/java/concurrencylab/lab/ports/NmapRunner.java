package concurrencylab.lab.ports;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code nmap -sT -n -T5} against 127.0.0.1 for the benchmark and parses its grepable
 * output. Loopback only: the target is fixed. Stateless and thread-safe.
 */
public final class NmapRunner {
    private static final Pattern OPEN = Pattern.compile("(\\d+)/open/tcp");
    private static final Pattern DONE = Pattern.compile("scanned in ([0-9.]+) seconds");
    private static final long LIMIT_SECONDS = 120;

    /** One nmap run: the open ports, nmap's own scan time and the process's wall time. */
    public record Run(Set<Integer> open, double reportedSeconds, double wallSeconds) {
    }

    private final String executable;

    public NmapRunner(String executable) {
        this.executable = executable;
    }

    /** Returns nmap's version line, or null when nmap cannot be run (waits at most 10 s). */
    public String version() {
        try {
            RunOutput out = run(List.of(executable, "--version"), 10);
            return out.exit() == 0 ? out.text().lines().findFirst().orElse("nmap") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record RunOutput(String text, int exit, double wallSeconds) {
    }

    /** Runs a command with its output in a temporary file, so that every wait is bounded. */
    private static RunOutput run(List<String> cmd, long limitSeconds) throws IOException, InterruptedException {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("nmap-", ".txt");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                    throw new IOException(cmd.get(0) + " did not finish within " + limitSeconds + " s");
                }
            } finally {
                p.destroyForcibly();
            }
            return new RunOutput(java.nio.file.Files.readString(log), p.exitValue(), (System.nanoTime() - start) / 1e9);
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    /** Scans {@code ranges} of 127.0.0.1 with {@code excluded} ports left out. */
    public Run scan(String ranges, String excluded) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(executable, "-sT", "-n", "-T5", "-p", ranges));
        if (!excluded.isEmpty()) {
            cmd.addAll(List.of("--exclude-ports", excluded));
        }
        cmd.addAll(List.of("-oG", "-", "127.0.0.1"));
        RunOutput result = run(cmd, LIMIT_SECONDS);
        String out = result.text();
        Matcher done = DONE.matcher(out);
        if (result.exit() != 0 || !done.find()) {
            throw new IOException("nmap failed (exit " + result.exit() + "): " + out.strip());
        }
        Set<Integer> open = new TreeSet<>();
        Matcher m = OPEN.matcher(out);
        while (m.find()) {
            open.add(Integer.parseInt(m.group(1)));
        }
        return new Run(open, Double.parseDouble(done.group(1)), result.wallSeconds());
    }
}
