package concurrencylab.lab.summary;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The decision table of lesson 7: for each kind of job, the model to pick, why, and the Java
 * API that gives it to you.
 *
 * {@snippet :
 * ModelDecisionTable.table()   // as a cell's value: an HTML table
 * }
 * <p>Introduced in notebook {@code 07.7-Summary}. Stateless and thread-safe: every call
 * builds a new table.
 */
public final class ModelDecisionTable {

    private static final String[][] ROWS = {
            {"many waits: HTTP calls, database, files", "virtual threads",
                    "a parked virtual thread keeps its stack on the heap, a few KiB (7.1 measures it), not a 1 MiB reserved stack",
                    "Executors.newVirtualThreadPerTaskExecutor()"},
            {"CPU work: hashing, parsing, maths", "platform pool sized to the cores",
                    "Java has no GIL: N threads use N cores; more threads only add switching",
                    "Executors.newFixedThreadPool(cores)"},
            {"CPU work that must be isolated (crashes, memory, native code)", "processes (child JVMs)",
                    "a crash or leak stays in its process; tasks must be Serializable classes",
                    "ProcessPool (course lib) / ProcessBuilder"},
            {"a chain of dependent async steps", "CompletableFuture",
                    "compose, combine and handle errors without blocking a thread per step",
                    "supplyAsync, thenCompose, allOf, orTimeout"},
            {"fan out, fail fast, never leak a task", "structured concurrency",
                    "the scope owns its subtasks: the first failure cancels the rest; close waits",
                    "StructuredTaskScope.open() + fork + join"},
            {"limit load on a server or the OS", "a permit per call",
                    "the limit is a number of calls in flight, not a number of threads",
                    "Semaphore (acquire / release in finally)"},
            {"waiting and computing in one job", "hybrid: virtual threads + core pool",
                    "each kind of work goes to the executor sized for it; a bounded queue between",
                    "virtual-thread executor + fixed pool + ArrayBlockingQueue"},
    };

    private ModelDecisionTable() {
    }

    /** Returns the table: columns Job, Model, Why, Java API; one row per kind of job. */
    public static Table table() {
        return Table.create("Which model for which job",
                column("Job", 0), column("Model", 1), column("Why", 2), column("Java API", 3));
    }

    private static StringColumn column(String name, int index) {
        StringColumn column = StringColumn.create(name);
        for (String[] row : ROWS) {
            column.append(row[index]);
        }
        return column;
    }
}
