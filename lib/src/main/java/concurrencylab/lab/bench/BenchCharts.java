package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Charts of harness tables ({@link BenchHarness}, {@link BenchCsv}): time or speed-up per
 * model as bars, speed-up against workers as lines, and your run beside a reference run.
 * {@snippet :
 * Table t = BenchHarness.run(spec);
 * BenchCharts.times(t)                          // as a cell's value: an inline PNG
 * BenchCharts.versusReference(t, BenchReference.load("cpu.csv"), "speedup")
 * }
 * <p>A bar's category is the model with its workers, e.g. {@code platform threads ×2}.
 * Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless; every call builds a
 * new chart.
 *
 * @see BenchHarness#COLUMNS
 */
public final class BenchCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 400;

    private BenchCharts() {
    }

    /**
     * Returns bars of the median time per model, beside the ideal time (the bound).
     *
     * @throws IllegalArgumentException if {@code table} is not a harness table or is empty
     */
    public static CategoryChart times(Table table) {
        check(table, "table");
        return measuredBesideIdeal(table, "milliseconds (median)", Styler.LegendPosition.InsideNE,
                "measured median", values(table, "median_ms"), "ideal (bound)", values(table, "bound_ms"));
    }

    /**
     * Returns bars of the speed-up over sequential per model, beside the ideal speed-up
     * (sequential median / bound).
     *
     * @throws IllegalArgumentException if {@code table} is not a harness table or is empty
     */
    public static CategoryChart speedups(Table table) {
        check(table, "table");
        return measuredBesideIdeal(table, "speed-up vs sequential", Styler.LegendPosition.InsideNW,
                "measured", values(table, "speedup"), "ideal", idealSpeedups(table));
    }

    /** Bars per model of the table: a measured series beside its ideal, titled with the workload. */
    private static CategoryChart measuredBesideIdeal(Table table, String yAxis, Styler.LegendPosition legend,
                                                     String measuredName, List<Double> measured,
                                                     String idealName, List<Double> ideal) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title(table)).xAxisTitle("model").yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(legend);
        chart.addSeries(measuredName, categories(table), measured);
        chart.addSeries(idealName, categories(table), ideal);
        return chart;
    }

    /**
     * Returns one line per pool model (platform threads, worker processes) of speed-up
     * against workers, plus the ideal line. A line without a 1-worker row starts at the
     * sequential baseline (1 worker, speed-up 1). Virtual threads are left out: they have no
     * pool size to vary (compare them in {@link #speedups}).
     *
     * @throws IllegalArgumentException if {@code table} is not a harness table, is empty, or
     *     has no pool rows
     */
    public static XYChart speedupLines(Table table) {
        check(table, "table");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title(table)).xAxisTitle("workers").yAxisTitle("speed-up vs sequential").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        Map<String, Map<Integer, Double>> lines = new LinkedHashMap<>();
        Map<Integer, Double> ideal = new java.util.TreeMap<>();
        double sequential = sequentialMedian(table);
        ideal.put(1, 1.0);
        for (int row = 0; row < table.rowCount(); row++) {
            String model = table.stringColumn("model").get(row);
            if (model.equals("sequential") || model.equals("virtual threads")) {
                continue;
            }
            int workers = table.intColumn("workers").getInt(row);
            lines.computeIfAbsent(model, m -> new java.util.TreeMap<>())
                    .put(workers, table.doubleColumn("speedup").getDouble(row));
            ideal.put(workers, sequential / table.doubleColumn("bound_ms").getDouble(row));
        }
        Require.that(!lines.isEmpty(), "table '" + table.name() + "'", "a table with platform-thread or worker-process rows,"
                + " a sweep such as BenchModel.platform(1), platform(2), platform(4)", "none to draw");
        for (var line : lines.entrySet()) {
            Map<Integer, Double> points = line.getValue();
            points.putIfAbsent(1, 1.0);
            chart.addSeries(line.getKey(), points.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        var series = chart.addSeries("ideal", ideal.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                ideal.values().stream().mapToDouble(Double::doubleValue).toArray());
        series.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * Returns grouped bars of one column, your run beside a reference run, for the models
     * both have. The reference rows used are those of your run's workload; if the reference
     * names another workload, its rows are used when it holds only one.
     *
     * @param column {@code median_ms}, {@code speedup} or {@code bound_ms}
     * @throws IllegalArgumentException if either table is not a harness table, the column is
     *     not one of those accepted, the reference holds several workloads and none is yours,
     *     or the two share no model
     */
    public static CategoryChart versusReference(Table yours, Table reference, String column) {
        check(yours, "yours");
        checkColumns(reference, "reference");
        Require.that(List.of("median_ms", "speedup", "bound_ms").contains(column), "column",
                "median_ms, speedup or bound_ms", "'" + column + "'");
        String workload = yours.stringColumn("workload").get(0);
        Table ref = reference.where(reference.stringColumn("workload").isEqualTo(workload));
        if (ref.rowCount() == 0) {
            List<String> names = reference.stringColumn("workload").unique().asList();
            Require.that(names.size() == 1, "reference", "rows for '" + workload + "' or a single workload", names);
            ref = reference;
        }
        Map<String, Double> refValues = new LinkedHashMap<>();
        List<String> refCategories = categories(ref);
        for (int row = 0; row < ref.rowCount(); row++) {
            refValues.put(refCategories.get(row), ref.doubleColumn(column).getDouble(row));
        }
        List<String> shared = new ArrayList<>();
        List<Double> mine = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<String> myCategories = categories(yours);
        for (int row = 0; row < yours.rowCount(); row++) {
            Double r = refValues.get(myCategories.get(row));
            if (r != null) {
                shared.add(myCategories.get(row));
                mine.add(yours.doubleColumn(column).getDouble(row));
                theirs.add(r);
            }
        }
        Require.that(!shared.isEmpty(), "reference models", "at least one model of your run " + myCategories,
                refCategories);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Your run vs the reference: " + workload)
                .xAxisTitle("model").yAxisTitle(column.equals("speedup") ? "speed-up vs sequential" : column).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.addSeries("your run", shared, mine);
        chart.addSeries("reference (" + ref.stringColumn("workload").get(0) + ")", shared, theirs);
        return chart;
    }

    /** Returns each row's category: the model, with {@code ×workers} for pools. */
    static List<String> categories(Table table) {
        List<String> names = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String model = table.stringColumn("model").get(row);
            int workers = table.intColumn("workers").getInt(row);
            boolean pool = !model.equals("sequential") && !model.equals("virtual threads");
            names.add(pool ? String.format(Locale.ROOT, "%s ×%d", model, workers) : model);
        }
        return names;
    }

    private static List<Double> values(Table table, String column) {
        return table.doubleColumn(column).asList();
    }

    private static List<Double> idealSpeedups(Table table) {
        double sequential = sequentialMedian(table);
        List<Double> ideal = new ArrayList<>();
        for (double bound : table.doubleColumn("bound_ms").asDoubleArray()) {
            ideal.add(bound > 0 ? sequential / bound : 0.0);
        }
        return ideal;
    }

    private static double sequentialMedian(Table table) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.stringColumn("model").get(row).equals("sequential")) {
                return table.doubleColumn("median_ms").getDouble(row);
            }
        }
        throw Require.invalid("table '" + table.name() + "'", "a harness table, which always has a sequential row", "none");
    }

    private static String title(Table table) {
        return table.stringColumn("workload").get(0);
    }

    private static void check(Table table, String what) {
        checkColumns(table, what);
        List<String> workloads = table.stringColumn("workload").unique().asList();
        Require.that(workloads.size() == 1, what + " workloads",
                "one, e.g. BenchReference.workload(table, \"" + workloads.get(0) + "\")", workloads);
    }

    private static void checkColumns(Table table, String what) {
        Require.nonNull(what, table);
        Require.that(table.columnNames().equals(BenchHarness.COLUMNS), what + " columns",
                BenchHarness.COLUMNS + " (a table from BenchHarness.run or BenchCsv.read)", table.columnNames());
        Require.that(table.rowCount() > 0, what + " rows", "at least one", "none");
    }
}
