package concurrencylab.cli;

import concurrencylab.scan.Connector;
import concurrencylab.scan.ScanAbortedException;
import concurrencylab.scan.ScanListener;
import concurrencylab.scan.ScanRequest;
import concurrencylab.scan.ScanResult;
import concurrencylab.scan.ScanThreads;
import concurrencylab.scan.ScanVariant;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line: {@code ./course scan [--ports SPEC] [--limit N] [--timeout MS] [--json]
 * [--variant NAME] [--allow-remote] HOST}. Prints each open port as it is found, then the open
 * ports and the elapsed time; {@code --json} prints one JSON object instead. Exit status: 0 after
 * a scan, 2 on a bad argument (with a message saying what is accepted), 1 if the scan failed.
 * The limit and timeout ranges are {@link ScanRequest}'s, which checks them.
 *
 * <p>Introduced in notebook {@code 07.6-Port-Scanner}. Thread safety: a command-line main.
 */
public final class ScanCli {

    static final CommandLine CLI = CommandLine.command("./course scan", """
                    Scan TCP ports of HOST with a TCP connect per port (StructuredTaskScope, virtual threads).
                    HOST must be a loopback address (127.0.0.1, ::1, localhost) unless --allow-remote is given;
                    scanning hosts you do not own is not allowed.""")
            .text("--ports", "SPEC", "1-1024", "ports and ranges, e.g. 1-1024,8080 (1..65535)")
            .numberCheckedBy("--limit", "N", ScanRequest.DEFAULT_CONCURRENCY, 1, ScanRequest.MAX_CONCURRENCY,
                    "most connects in flight")
            .numberCheckedBy("--timeout", "MS", (int) ScanRequest.DEFAULT_CONNECT_TIMEOUT.toMillis(),
                    (int) ScanRequest.MIN_CONNECT_TIMEOUT.toMillis(), (int) ScanRequest.MAX_CONNECT_TIMEOUT.toMillis(),
                    "per-connect timeout in ms")
            .text("--variant", "NAME", "structured", "structured, future or executor")
            .flag("--json", "print one JSON object instead of text")
            .flag("--allow-remote", "accept a non-loopback HOST (only a host you own)")
            .positional("HOST", "one loopback host, e.g. 127.0.0.1", "the host to scan")
            .footer("Exit status: 0 scanned, 1 scan failed, 2 bad arguments.");

    private ScanCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line, printing to the given streams; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return run(args, out, err, Connector.best());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Connector connector)
            throws InterruptedException {
        CommandLine.Parsed a;
        ScanVariant variant;
        ScanRequest request;
        try {
            a = CLI.parse(args);
            if (a.help()) {
                out.print(CLI.usage());
                return 0;
            }
            variant = ScanVariant.parse(a.text("--variant"));
            request = ScanRequest.of(a.positional(), a.text("--ports"), a.flag("--allow-remote"))
                    .withConcurrency(a.number("--limit"))
                    .withConnectTimeout(Duration.ofMillis(a.number("--timeout")));
        } catch (IllegalArgumentException e) {
            CLI.reportError(e, err);
            return 2;
        }
        try {
            ScanListener listener = a.flag("--json") ? ScanListener.silent() : ScanListener.printing(out);
            ScanResult result = variant.scanner(connector, ScanThreads.virtual()).scan(request, listener);
            out.println(a.flag("--json") ? toJson(result) : toText(result));
            return 0;
        } catch (ScanAbortedException e) {
            err.println("course scan: " + e.getMessage());
            return 1;
        }
    }

    static String toText(ScanResult r) {
        return "open ports on %s: %s%n%d ports scanned in %.3f s (%d closed, %d filtered, %d self-connects discarded; %s)"
                .formatted(r.host().getHostAddress(), r.open().isEmpty() ? "none" : r.open(), r.scanned(),
                        seconds(r.elapsed()), r.closed(), r.filtered().size(), r.selfConnects(), r.variant());
    }

    static String toJson(ScanResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("host", r.host().getHostAddress());
        json.put("ports", r.ports().toString());
        json.put("scanned", r.scanned());
        json.put("open", r.open());
        json.put("filtered", r.filtered());
        json.put("closed", r.closed());
        json.put("selfConnects", r.selfConnects());
        json.put("elapsedSeconds", seconds(r.elapsed()));
        json.put("variant", r.variant());
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a map of plain values", e);
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
