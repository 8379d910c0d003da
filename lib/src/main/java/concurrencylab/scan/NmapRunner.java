package concurrencylab.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
final class NmapRunner {
    private static final Pattern OPEN = Pattern.compile("(\\d+)/open/tcp");
    private static final Pattern DONE = Pattern.compile("scanned in ([0-9.]+) seconds");
    private static final long LIMIT_SECONDS = 120;

    /** One nmap run: the open ports, nmap's own scan time and the process's wall time. */
    record Run(Set<Integer> open, double reportedSeconds, double wallSeconds) {
    }

    private final String executable;

    NmapRunner(String executable) {
        this.executable = executable;
    }

    /** Returns nmap's version line, or null when nmap cannot be run. */
    String version() {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out.lines().findFirst().orElse("nmap") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Scans {@code ranges} of 127.0.0.1 with {@code excluded} ports left out. */
    Run scan(String ranges, String excluded) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(executable, "-sT", "-n", "-T5", "-p", ranges));
        if (!excluded.isEmpty()) {
            cmd.addAll(List.of("--exclude-ports", excluded));
        }
        cmd.addAll(List.of("-oG", "-", "127.0.0.1"));
        java.nio.file.Path log = java.nio.file.Files.createTempFile("nmap-", ".txt");
        String out;
        double wall;
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("nmap did not finish within " + LIMIT_SECONDS + " s");
                }
            } finally {
                p.destroyForcibly();
            }
            wall = (System.nanoTime() - start) / 1e9;
            out = java.nio.file.Files.readString(log) + "\nexit " + p.exitValue();
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
        Matcher done = DONE.matcher(out);
        if (!out.endsWith("exit 0") || !done.find()) {
            throw new IOException("nmap failed: " + out.strip());
        }
        Set<Integer> open = new TreeSet<>();
        Matcher m = OPEN.matcher(out);
        while (m.find()) {
            open.add(Integer.parseInt(m.group(1)));
        }
        return new Run(open, Double.parseDouble(done.group(1)), wall);
    }
}
