package concurrencylab.lab.debug;

import concurrencylab.util.Require;
import concurrencylab.util.RowTable;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.Table;

/**
 * What a {@link JfrProbe} recorded over a block: concurrency events and CPU samples.
 *
 * {@snippet :
 * JfrSummary s = JfrProbe.record(Duration.ofSeconds(5), () -> work());
 * s.countsTable();      // one row per event type: count, total and longest ms
 * s.hotMethodsTable(5); // the methods most often on top of the stack
 * s.flameGraph();       // the same samples as an icicle chart, drawn inline
 * }
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param events       concurrency events, in the order JFR delivered them
 * @param topFrames    CPU samples counted by the method on top of the stack (self time,
 *                     often a JDK method)
 * @param userFrames   CPU samples counted by the innermost method that is not JDK code (the
 *                     part of your code that was running)
 * @param stacks       CPU samples counted by whole call stack, outermost frame first, starting
 *                     at the recorded block (a flame graph's input)
 * @param finished     whether the block ended by itself before the timeout
 * @param elapsed      how long the block ran
 *
 * <p>Introduced in notebook {@code 07.5-Debugging-Toolbox}.
 */
public record JfrSummary(List<ConcurrencyEvent> events, Map<String, Integer> topFrames,
                         Map<String, Integer> userFrames, Map<List<StackFrame>, Integer> stacks,
                         boolean finished, Duration elapsed) {

    /**
     * One frame of a sampled stack.
     *
     * @param method the method as {@code SimpleType.method}
     * @param yours  true unless the method belongs to the JDK
     */
    public record StackFrame(String method, boolean yours) {
    }

    /**
     * One JFR event that matters for concurrency.
     *
     * @param type     the JFR event name, e.g. {@code jdk.VirtualThreadPinned}
     * @param thread   the thread it happened on
     * @param duration how long it lasted (zero for instant events)
     * @param where    the innermost frame in your code, or the top frame
     * @param detail   the event's own fields, e.g. the pinned reason or the monitor class
     */
    public record ConcurrencyEvent(String type, String thread, Duration duration, String where,
                                   String detail) {
    }

    /** Copies the collections so the record stays immutable. */
    public JfrSummary {
        events = List.copyOf(events);
        topFrames = Map.copyOf(topFrames);
        userFrames = Map.copyOf(userFrames);
        stacks = Map.copyOf(stacks);
    }

    /** Returns the events of one type, e.g. {@code "jdk.VirtualThreadPinned"}. */
    public List<ConcurrencyEvent> eventsOf(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Returns how many CPU samples were taken. */
    public int samples() {
        return topFrames.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Returns the {@code n} methods of your code most often running (innermost non-JDK frame
     * of each CPU sample), most first.
     */
    public Map<String, Integer> hotMethods(int n) {
        return top(userFrames, n);
    }

    /** Returns the {@code n} methods most often on the very top of the stack, most first. */
    public Map<String, Integer> hotTopFrames(int n) {
        return top(topFrames, n);
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** Returns one row per event of one type, e.g. {@code "jdk.VirtualThreadPinned"}. */
    public Table eventsTable(String type) {
        return new JfrSummary(eventsOf(type), topFrames, userFrames, stacks, finished, elapsed).eventsTable()
                .setName(type + " events");
    }

    /** Returns one row per event: type, thread, ms, where, detail. */
    public Table eventsTable() {
        return RowTable.of(events)
                .text("event", ConcurrencyEvent::type)
                .text("thread", ConcurrencyEvent::thread)
                .doubles("ms", e -> millis(e.duration()))
                .text("where", ConcurrencyEvent::where)
                .text("detail", ConcurrencyEvent::detail)
                .toTable("JFR concurrency events");
    }

    /** Returns one row per event type: count, total ms, longest ms. */
    public Table countsTable() {
        Map<String, List<ConcurrencyEvent>> byType = new TreeMap<>(events.stream()
                .collect(Collectors.groupingBy(ConcurrencyEvent::type)));
        List<TypeCount> rows = new ArrayList<>();
        byType.forEach((name, list) -> rows.add(new TypeCount(name, list.size(),
                millis(list.stream().map(ConcurrencyEvent::duration).reduce(Duration.ZERO, Duration::plus)),
                millis(list.stream().map(ConcurrencyEvent::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO)))));
        rows.add(new TypeCount("jdk.ExecutionSample (CPU)", samples(), Double.NaN, Double.NaN)); // NaN: missing
        return RowTable.of(rows)
                .text("event", TypeCount::type)
                .ints("count", TypeCount::count)
                .doubles("total ms", TypeCount::totalMs)
                .doubles("longest ms", TypeCount::longestMs)
                .toTable("JFR summary");
    }

    /**
     * Returns the {@code n} hottest methods of your code: method, samples, percent of all
     * samples, and, among the samples in that method, the frame most often on the very top of
     * the stack (where the CPU was: the method itself or something it called).
     */
    public Table hotMethodsTable(int n) {
        int all = Math.max(1, samples());
        List<Map.Entry<String, Integer>> hot = List.copyOf(hotMethods(n).entrySet());
        List<Optional<Map.Entry<String, Integer>>> tops = hot.stream()
                .map(m -> top(topFramesUnder(m.getKey()), 1).entrySet().stream().findFirst()).toList();
        return RowTable.of(IntStream.range(0, hot.size()).boxed().toList())
                .text("your method", i -> hot.get(i).getKey())
                .ints("samples", i -> hot.get(i).getValue())
                .doubles("%", i -> Math.round(1000.0 * hot.get(i).getValue() / all) / 10.0)
                .text("top of stack meanwhile", i -> tops.get(i).map(Map.Entry::getKey).orElse(""))
                .ints("of its samples", i -> tops.get(i).map(Map.Entry::getValue).orElse(0))
                .toTable("Hot methods (CPU samples)");
    }

    /**
     * Returns, for the samples whose innermost frame of your code is {@code userMethod}, how
     * often each method was on the very top of the stack.
     */
    public Map<String, Integer> topFramesUnder(String userMethod) {
        Map<String, Integer> counts = new TreeMap<>();
        stacks.forEach((stack, c) -> {
            String innermostYours = null;
            for (StackFrame f : stack) {
                if (f.yours()) {
                    innermostYours = f.method();
                }
            }
            if (userMethod.equals(innermostYours)) {
                counts.merge(stack.getLast().method(), c, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * Draws the CPU samples as an icicle chart (a flame graph upside down): see {@link FlameGraph}.
     *
     * @return the image, 1000 pixels wide
     */
    public BufferedImage flameGraph() {
        return FlameGraph.icicle(stacks, "CPU samples, " + samples() + " in " + elapsed.toMillis() + " ms");
    }

    /**
     * Returns a bar chart of the {@code n} hottest methods: a text-free "py-spy top".
     *
     * @param n how many methods, at least 1
     * @return the chart
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public CategoryChart hotMethodsChart(int n) {
        Require.atLeast("n", n, 1);
        Map<String, Integer> hot = hotMethods(n);
        CategoryChart chart = new CategoryChartBuilder().width(800).height(400)
                .title("Hot methods: CPU samples per method of your code")
                .xAxisTitle("method").yAxisTitle("samples").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        if (hot.isEmpty()) {
            hot = Map.of("(no samples)", 0);
        }
        chart.addSeries("samples", List.copyOf(hot.keySet()), List.copyOf(hot.values()));
        return chart;
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 1e5) / 10.0;
    }

    @Override
    public String toString() {
        String counts = events.stream().collect(Collectors.groupingBy(ConcurrencyEvent::type,
                TreeMap::new, Collectors.counting())).toString();
        return "JfrSummary[" + (finished ? "" : "TIMED OUT, ") + elapsed.toMillis() + " ms, events "
                + counts + ", " + samples() + " CPU samples, hot " + hotMethods(3).keySet()
                + ", top of stack " + hotTopFrames(3).keySet() + "]";
    }

    /** One event type's line of {@link #countsTable}; NaN where a value does not apply. */
    private record TypeCount(String type, int count, double totalMs, double longestMs) {
    }
}
