package concurrencylab.lab.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelDecisionTableTest {

    @Test
    @DisplayName("the table has the four columns and no blank cell")
    void tableIsComplete() {
        Table table = ModelDecisionTable.table();
        assertEquals(List.of("Job", "Model", "Why", "Java API"), table.columnNames());
        assertTrue(table.rowCount() >= 5);
        for (String column : table.columnNames()) {
            assertTrue(table.stringColumn(column).asList().stream().noneMatch(String::isBlank), column);
        }
    }

    @Test
    @DisplayName("the models of the lesson all appear: virtual threads, processes, CompletableFuture, scopes")
    void everyModelAppears() {
        String models = String.join("|", ModelDecisionTable.table().stringColumn("Model").asList());
        for (String model : List.of("virtual threads", "processes", "CompletableFuture", "structured concurrency")) {
            assertTrue(models.contains(model), model);
        }
    }
}
