package concurrencylab.cli;

import concurrencylab.scan.Connector;
import concurrencylab.scan.ScanAbortedException;
import concurrencylab.scan.ScanListener;
import concurrencylab.scan.ScanResult;
import concurrencylab.scan.ScanThreads;

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
 *
 * <p>Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class ScanCli {
    static final String USAGE = """
            Usage: ./course scan [OPTIONS] HOST
            Scan TCP ports of HOST with a TCP connect per port (StructuredTaskScope, virtual threads).
            HOST must be a loopback address (127.0.0.1, ::1, localhost) unless --allow-remote is given;
            scanning hosts you do not own is not allowed.

            Options:
              --ports SPEC     ports and ranges, e.g. 1-1024,8080 (default 1-1024; 1..65535)
              --limit N        most connects in flight, 1..10000 (default 500)
              --timeout MS     per-connect timeout in ms, 1..60000 (default 500)
              --variant NAME   structured (default), future or executor
              --json           print one JSON object instead of text
              --allow-remote   accept a non-loopback HOST (only a host you own)
              --help           show this help
            Exit status: 0 scanned, 1 scan failed, 2 bad arguments.""";

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
        ScanCliArgs parsed;
        try {
            parsed = ScanCliArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("course scan: " + e.getMessage());
            err.println("Run ./course scan --help for the options.");
            return 2;
        }
        if (parsed.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            ScanListener listener = parsed.json() ? ScanListener.silent() : ScanListener.printing(out);
            ScanResult result = parsed.variant().scanner(connector, ScanThreads.virtual())
                    .scan(parsed.request(), listener);
            out.println(parsed.json() ? toJson(result) : toText(result));
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
