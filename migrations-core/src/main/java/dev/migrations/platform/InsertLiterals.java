package dev.migrations.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rows written into {@code INSERT} statements as literals, for offline scripts where nothing is bound. */
final class InsertLiterals {

    private static final int ROWS_PER_STATEMENT = 100;

    private InsertLiterals() {}

    /**
     * @param head {@code INSERT INTO t (}, to which the column list is appended
     * @param names renders the column list
     */
    static List<String> statements(
            String head,
            Function<List<String>, String> names,
            SqlDialect dialect,
            Map<List<String>, List<Map<String, Object>>> rowsByColumns) {
        List<String> out = new ArrayList<>();
        rowsByColumns.forEach((columns, rows) -> {
            String into = head + names.apply(columns) + ") VALUES ";
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                out.add(into
                        + chunk.stream()
                                .map(row -> "("
                                        + columns.stream()
                                                .map(c -> dialect.value(row.get(c)))
                                                .collect(Collectors.joining(", "))
                                        + ")")
                                .collect(Collectors.joining(", ")));
            }
        });
        return out;
    }
}
