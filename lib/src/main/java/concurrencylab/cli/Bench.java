package concurrencylab.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./course bench NAME [ARGS]}: the one place that links a benchmark's name to its main.
 * {@snippet lang=sh :
 * ./course bench --help          # the list below, from REGISTRY
 * ./course bench cpu --runs 7    # CpuBenchmark.main("--out", "build/bench", "--runs", "7")
 * }
 * {@code ./course} runs {@code Bench --jvm-flags NAME} first to learn the JVM flags a benchmark
 * needs (the I/O benchmark's fixed young generation; {@code COURSE_JVM_FLAGS} replaces them),
 * then starts {@code Bench NAME --out build/bench ARGS} in a JVM with those flags. The
 * benchmark {@value #KERNEL} (time to a notebook kernel's first result) is run by the launcher
 * itself with {@code tools/bench_kernel.py}; it is listed here so that the list is whole.
 * Exit status: the benchmark's, or 2 for an unknown name.
 *
 * <p>Thread safety: a command-line main; {@link #REGISTRY} is immutable.
 */
public final class Bench {

    /** A benchmark's main method. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    /**
     * One benchmark.
     *
     * @param summary  one line for the list
     * @param main     its main, given the arguments after the name
     * @param jvmFlags flags for the JVM that runs it (the launcher passes them)
     */
    record Entry(String summary, Main main, List<String> jvmFlags) {
    }

    /** The benchmark the launcher runs in Python, not in this JVM. */
    static final String KERNEL = "kernel";

    /** The class benchmark (a local hub and N students), also run in Python by the launcher. */
    static final String CLASS = "class";

    /**
     * Every benchmark, by name, in the order {@code --help} lists them. A million parked
     * virtual threads live on the heap: the I/O benchmark's fixed 2 GiB young generation keeps
     * G1 from resizing it run after run ({@code datasets/reference/MACHINE.md} has the runs).
     */
    static final Map<String, Entry> REGISTRY = registry();

    private static Map<String, Entry> registry() {
        Map<String, Entry> r = new LinkedHashMap<>();
        r.put("cpu", new Entry("primes and SHA-256 on the four models, and a worker sweep (cpu.csv)",
                CpuBenchmark::main, List.of()));
        r.put("io", new Entry("sleeping tasks: 10,000 and 1,000,000 virtual threads, a pool, memory per thread (io.csv)",
                IoBenchmark::main, List.of("-Xmx8g", "-Xmn2g")));
        r.put("jmh", new Entry("the JMH reference microbenchmarks (jmh.csv)", JmhBenchmark::main, List.of()));
        r.put("downloads", new Entry("the 7.2 downloads four ways against their bound (downloads.csv)",
                DownloadsBenchmark::main, List.of()));
        r.put("server", new Entry("10,000 connections held at once by the lab server (server.csv)",
                ServerBenchmark::main, List.of()));
        r.put("processes", new Entry("what a worker JVM costs and buys (processes.csv)",
                ProcessPoolBenchmark::main, List.of()));
        r.put("scan", new Entry("our port scanner against nmap on loopback (scan.csv)", ScanBenchmark::main,
                List.of()));
        return java.util.Collections.unmodifiableMap(r);
    }

    private Bench() {
    }

    /**
     * Runs the benchmark {@code args[0]} with the remaining arguments; {@code --help} (or no
     * name) lists the benchmarks; {@code --jvm-flags NAME} prints the JVM flags NAME needs.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.print(usage());
            return;
        }
        if (args[0].equals("--jvm-flags")) {
            Entry e = args.length == 2 ? find(args[1]) : null;
            if (e == null && !(args.length == 2 && (args[1].equals(KERNEL) || args[1].equals(CLASS)))) {
                System.exit(unknown(args.length == 2 ? args[1] : ""));
            }
            System.out.println(e == null ? "" : String.join(" ", e.jvmFlags()));
            return;
        }
        Entry e = find(args[0]);
        if (e == null) {
            System.exit(unknown(args[0]));
        }
        e.main().run(Arrays.copyOfRange(args, 1, args.length));
    }

    /** Returns the entry named {@code name}, or null. */
    static Entry find(String name) {
        return REGISTRY.get(name);
    }

    private static int unknown(String name) {
        System.err.println("course bench: unknown benchmark '" + name + "'; accepted: " + names());
        System.err.println("Run ./course bench --help for the list.");
        return 2;
    }

    /** Returns every name {@code ./course bench} accepts, {@value #KERNEL} and {@value #CLASS} last. */
    static String names() {
        return String.join(", ", REGISTRY.keySet()) + ", " + KERNEL + ", " + CLASS;
    }

    /** Returns the list {@code ./course bench --help} prints. */
    static String usage() {
        var s = new StringBuilder("""
                Usage: ./course bench NAME [ARGS]
                Runs a benchmark, prints it and writes build/bench/NAME.csv (--out DIR for another folder).
                `./course bench NAME --help` lists a benchmark's options.

                Benchmarks:
                """);
        REGISTRY.forEach((name, e) -> s.append(String.format(Locale.ROOT, "  %-10s %s%n", name, e.summary())));
        s.append(String.format(Locale.ROOT, "  %-10s %s%n", KERNEL,
                "the notebook kernel: start to first result, memory idle and after each lesson (kernel.csv; tools/bench_kernel.py)"));
        s.append(String.format(Locale.ROOT, "  %-10s %s%n", CLASS,
                "--students N on a local JupyterHub: time to first result, errors, peak memory (class.csv; tools/bench_class.py)"));
        return s.toString();
    }
}
