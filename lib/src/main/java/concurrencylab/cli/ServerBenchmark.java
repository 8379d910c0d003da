package concurrencylab.cli;

import concurrencylab.lab.server.ConnectionsBench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./course bench server}: can the lab server hold 10,000 connections at once? A child
 * JVM opens {@code --connections} sockets, the server holds each request {@code --hold-ms};
 * the measuring is {@link ConnectionsBench}'s.
 * {@snippet lang=sh :
 * ./course bench server                                   # 10,000 connections held 5 s
 * ./course bench server --connections 2000 --hold-ms 2000
 * }
 * Each process checks its own file-descriptor limit first and stops with a clear message if it
 * is too low (raise it with {@code ulimit -n}). Prints a table and writes
 * {@code DIR/server.csv}. Exit status: 0 when every request was answered and the peak reached
 * the connection count, 1 otherwise, 2 on bad arguments or a too-low descriptor limit.
 * <p>Thread safety: a command-line main; not for concurrent use.
 */
public final class ServerBenchmark {

    static final CommandLine CLI = CommandLine.command("./course bench server",
                    "Can the lab server hold this many connections at once? A child JVM opens them, the server holds each.")
            .out("where server.csv goes")
            .number("--connections", 10_000, 1, 50_000, "connections held at once")
            .number("--hold-ms", 5_000, 100, 60_000, "how long the server holds each request")
            .footer("Exit status: 0 every request answered at the full peak, 1 otherwise,"
                    + " 2 bad arguments or a too-low descriptor limit.");

    private ServerBenchmark() {
    }

    /**
     * Runs the benchmark and exits with its status.
     *
     * @param args see {@code --help}
     * @throws Exception if the client JVM cannot start or the CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        CommandLine.Parsed a = CLI.parseOrExit(args);
        if (a == null) {
            return;
        }
        int connections = a.number("--connections");
        String tooFew = ConnectionsBench.descriptorShortage(connections);
        if (tooFew != null) {
            System.err.println("ServerBenchmark (server JVM): " + tooFew);
            System.exit(2);
        }
        ConnectionsBench.Result r;
        try {
            r = ConnectionsBench.run(connections, a.number("--hold-ms"), System.out);
        } catch (ConnectionsBench.ClientsFailed e) {
            System.err.println("ServerBenchmark: " + e.getMessage());
            System.exit(e.exitStatus());
            return;
        }
        System.out.print(ConnectionsBench.table(r));
        Files.createDirectories(a.out());
        Path csv = a.out().resolve("server.csv");
        Files.writeString(csv, ConnectionsBench.csv(r));
        System.out.println("wrote " + csv);
        System.exit(r.met() ? 0 : 1);
    }
}
