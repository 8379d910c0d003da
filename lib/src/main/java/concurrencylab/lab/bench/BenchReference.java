package concurrencylab.lab.bench;

import concurrencylab.util.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * The reference runs shipped in {@code datasets/reference/}: CSVs made on the course machine
 * by {@code ./course bench cpu --out datasets/reference} (and {@code io}, {@code jmh}), which
 * the notebooks chart beside your own run. {@code datasets/reference/MACHINE.md} describes
 * that machine.
 * {@snippet :
 * Table ref = BenchReference.load("cpu.csv");                         // a harness table
 * Table primes = BenchReference.workload(ref, "primes below 2,000,000 in 16 chunks");
 * }
 * <p>The folder is {@code $COURSE_ROOT/datasets/reference} (the course kernel sets
 * {@code COURSE_ROOT}), else the first {@code datasets/reference} found from the working
 * directory upwards. Introduced in notebook {@code 07.1-No-GIL}. Thread safety: stateless.
 */
public final class BenchReference {

    private BenchReference() {
    }

    /**
     * Returns the reference folder.
     *
     * @throws IllegalStateException if no {@code datasets/reference} folder can be found
     */
    public static Path dir() {
        String root = System.getenv("COURSE_ROOT");
        if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root, "datasets", "reference"))) {
            return Path.of(root, "datasets", "reference");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets").resolve("reference"))) {
                return p.resolve("datasets").resolve("reference");
            }
        }
        throw new IllegalStateException("no datasets/reference folder in $COURSE_ROOT or above "
                + Path.of("").toAbsolutePath() + "; run from the course checkout");
    }

    /**
     * Reads a harness CSV from the reference folder ({@link BenchCsv#read}).
     *
     * @throws IllegalArgumentException if the file is malformed (the message names the line)
     * @throws IOException if it cannot be read
     */
    public static Table load(String fileName) throws IOException {
        return BenchCsv.read(dir().resolve(fileName));
    }

    /**
     * Reads any CSV from the reference folder as a Tablesaw table, types guessed by Tablesaw
     * (for the files that are not harness tables, such as {@code io.csv}).
     *
     * @throws IOException if it cannot be read
     */
    public static Table loadAny(String fileName) throws IOException {
        return Table.read().csv(dir().resolve(fileName).toFile()).setName(fileName);
    }

    /**
     * Returns the rows of one workload of a harness table.
     *
     * @throws IllegalArgumentException if the table has no rows for that workload; the message
     *     lists the workloads it has
     */
    public static Table workload(Table table, String workload) {
        Table rows = table.where(table.stringColumn("workload").isEqualTo(workload));
        Require.that(rows.rowCount() > 0, "workload", "one of " + table.stringColumn("workload").unique().asList(),
                "'" + workload + "'");
        return rows.setName(table.name() + " · " + workload);
    }
}
