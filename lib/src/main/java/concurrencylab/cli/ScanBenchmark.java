package concurrencylab.cli;

import concurrencylab.exec.JvmCommand;
import concurrencylab.lab.ports.ScanRace;
import concurrencylab.scan.NativeConnector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./course bench scan [--out DIR] [--runs N] [--nmap PATH] [--course PATH]}: our scanner
 * against {@code nmap -sT -n -T5} on 127.0.0.1, ports 1-1024 and 1-65535, in alternation, in this
 * JVM and as a whole process ({@code ./course scan}); the race is {@link ScanRace}'s. Writes
 * {@code DIR/scan.csv}.
 *
 * <p>If this JVM cannot use the native probe (no {@code --enable-native-access=ALL-UNNAMED};
 * {@code ./course} passes it), it runs again in a child JVM that can, waits at most
 * {@value #CHILD_WAIT_MINUTES} minutes for it, and exits with its status.
 * Exit status: 0 done, 1 one of our runs found the wrong ports, 2 bad arguments.
 *
 * <p>Introduced in notebook {@code 07.6-Port-Scanner}. Thread safety: a command-line main.
 */
public final class ScanBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench scan",
                    "Our scanner against nmap -sT -n -T5 on 127.0.0.1, ports 1-1024 and 1-65535.")
            .out("where scan.csv goes")
            .number("--runs", 5, 1, 50, "timed runs per tool and range")
            .text("--nmap", "PATH", "nmap", "the nmap executable; without it only our scanner is timed")
            .text("--course", "PATH", "./course", "the course launcher the whole-process runs start;"
                    + " without it they are left out")
            .footer("Exit status: 0 done, 1 one of our runs found the wrong ports, 2 bad arguments.");

    static final long CHILD_WAIT_MINUTES = 30;
    private static final String RELAUNCHED = "concurrencylab.scan.relaunched";

    private ScanBenchmark() {
    }

    /** Runs the benchmark; see the class comment for arguments and exit status. */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        if (!NativeConnector.usable() && NativeConnector.platformSupported() && System.getProperty(RELAUNCHED) == null) {
            System.exit(relaunchWithNativeAccess(args));
        }
        System.exit(run(a, System.out));
    }

    /**
     * Runs this benchmark again in a child JVM with {@code --enable-native-access=ALL-UNNAMED},
     * so the scanner can use its native probe; returns the child's exit status.
     */
    private static int relaunchWithNativeAccess(String[] args) throws IOException, InterruptedException {
        Process child = JvmCommand.of(ScanBenchmark.class)
                .withFlags("--enable-native-access=ALL-UNNAMED", "-D" + RELAUNCHED + "=true")
                .withArgs(args).processBuilder().inheritIO().start();
        System.out.println("(re-running in a JVM with --enable-native-access=ALL-UNNAMED for the native probe)");
        try {
            if (!child.waitFor(CHILD_WAIT_MINUTES, TimeUnit.MINUTES)) {
                System.err.println("course bench scan: the benchmark JVM did not finish within " + CHILD_WAIT_MINUTES
                        + " minutes; stopped it");
                return 1;
            }
            return child.exitValue();
        } finally {
            child.destroy();
        }
    }

    static int run(CommandLine.Parsed a, PrintStream out) throws IOException, InterruptedException {
        ScanRace.Outcome o = ScanRace.run(a.number("--runs"), a.text("--nmap"), Path.of(a.text("--course")), out);
        Files.createDirectories(a.out());
        Path file = a.out().resolve("scan.csv");
        Files.write(file, o.csv());
        out.println("wrote " + file);
        out.println("exact in every run: ours " + (o.oursExact() ? "yes" : "NO")
                + (!o.nmapRan() ? "" : ", nmap " + (o.nmapExact() ? "yes" : "no (an open port with no listener"
                        + " is most likely nmap connecting to itself)")));
        return o.oursExact() ? 0 : 1;
    }
}
