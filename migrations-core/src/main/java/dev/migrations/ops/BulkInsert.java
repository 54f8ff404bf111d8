package dev.migrations.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inserts rows given as column-to-value maps; online as a JDBC batch, offline as INSERT statements. */
public record BulkInsert(String schema, String table, List<Map<String, Object>> rows) implements Operation {

    public BulkInsert {
        rows = List.copyOf(rows);
    }

    /** Every column named by any row, in first-seen order; missing values insert NULL. */
    public List<String> columns() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        return new ArrayList<>(names);
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
