package homework;

import concurrencylab.lab.ports.PlantedListeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * Prints what the reference solutions produce, in sections notebook 07.8 reads back
 * (concurrencylab.lab.summary.HomeworkSolutions): exercise 1's timing table and exercise 2's
 * comparison as CSV, exercise 3's logo as HTML and as ANSI. Scans 127.0.0.1 only: ports
 * 1-1024 (or 1-N with the argument N, port 2024 always left out: it belongs to the course
 * machine's own service) and the listeners it plants itself.
 */
public final class SolutionShowcase {

    private SolutionShowcase() {
    }

    /** Runs the showcase; the optional argument N scans ports 1-N instead of 1-1024. */
    public static void main(String[] args) throws Exception {
        int last = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        if (last < 1 || last > 65_535) {
            throw new IllegalArgumentException("the last port must be 1..65535, got " + last);
        }
        try (var planted = PlantedListeners.open(0, 4)) {
            List<Integer> ports = new ArrayList<>(IntStream.rangeClosed(1, last).filter(p -> p != 2024).boxed().toList());
            ports.addAll(planted.ports());
            Table timing = ScanTiming.compare("127.0.0.1", ports, 2, 200, Duration.ofMillis(500));
            section("timing", timing.write().toString("csv"));
        }
        section("api", ApiComparison.table().write().toString("csv"));
        section("html", AuthorLogo.html());
        section("ansi", AuthorLogo.ansi());
    }

    private static void section(String name, String body) {
        System.out.println("@@section " + name);
        System.out.println(body);
        System.out.println("@@end");
    }
}
