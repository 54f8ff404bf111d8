package dev.migrations.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inserts rows given as column-to-value maps; online as a JDBC batch, offline as INSERT statements. */
public record BulkInsert(String schema, String table, List<Map<String, Object>> rows) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.bulkInsert(this);
    }

    public BulkInsert {
        rows = List.copyOf(rows);
    }

    /**
     * The rows grouped by the columns they name, in first-seen order: a column a row leaves out
     * gets its server default, as in a hand-written INSERT, rather than NULL.
     */
    public Map<List<String>, List<Map<String, Object>>> byColumns() {
        Map<List<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            groups.computeIfAbsent(new ArrayList<>(new LinkedHashSet<>(row.keySet())), k -> new ArrayList<>())
                    .add(row);
        }
        return groups;
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "insert " + rows.size() + " row(s) into " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: deleting the rows needs a hand-written downgrade";
    }
}
