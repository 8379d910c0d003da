package concurrencylab.lab.server;

import concurrencylab.util.RowTable;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A snapshot of what a {@link LabServer} has seen since it started or since its last
 * {@link LabServer#resetCounters()}.
 *
 * {@snippet :
 * LabCounters c = server.counters();
 * System.out.println(c.served() + " served, " + c.rejected429() + " refused, peak " + c.peakConcurrency());
 * c.toTable();   // as a cell's value: a table of kind and count
 * }
 *
 * <p>Every counter is updated before the response is written, so once a client has its
 * response the counters include it. Immutable and thread-safe. Each field is read atomically but the snapshot as a whole is
 * not: while requests are in flight, fields read a moment apart may not add up.
 * Introduced in notebook {@code 07.2-Executors}.
 *
 * @param requests        every request received, whatever became of it
 * @param served          requests answered with HTTP 200 (counted as the response starts)
 * @param errors500       requests answered with HTTP 500 (the error fault)
 * @param resets          requests whose connection was closed without a response (the reset fault)
 * @param stalls          requests that hung (the stall fault)
 * @param rejected429     requests refused with HTTP 429 over {@link LabConfig#maxConcurrent()}
 * @param notFound        requests for an unknown path, answered with HTTP 404
 * @param peakConcurrency most requests handled at once (429s and 404s not counted)
 * @param inFlight        requests being handled when the snapshot was taken
 */
public record LabCounters(long requests, long served, long errors500, long resets, long stalls,
                          long rejected429, long notFound, int peakConcurrency, int inFlight) {

    /** Returns one row per counter: {@code kind} and {@code count}. */
    public Table toTable() {
        List<Map.Entry<String, Long>> rows = List.of(Map.entry("requests", requests), Map.entry("served (200)", served),
                Map.entry("errors (500)", errors500), Map.entry("resets", resets), Map.entry("stalls", stalls),
                Map.entry("rejected (429)", rejected429), Map.entry("not found (404)", notFound),
                Map.entry("peak concurrency", (long) peakConcurrency), Map.entry("in flight", (long) inFlight));
        return RowTable.of(rows).text("kind", Map.Entry::getKey).longs("count", Map.Entry::getValue)
                .toTable("Lab server counters");
    }
}
