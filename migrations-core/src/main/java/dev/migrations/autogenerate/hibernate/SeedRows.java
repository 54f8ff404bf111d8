package dev.migrations.autogenerate.hibernate;

import dev.migrations.schema.Column;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.relational.InitCommand;

/**
 * The rows Hibernate writes into a table right after creating it, read back from its init
 * commands as values. Only the form Hibernate emits for a table-backed sequence is understood
 * ({@code insert into t ( next_val ) values ( 1 )}, numbers only); a command in any other
 * form is left out, because guessing at SQL would write a wrong row.
 */
final class SeedRows {

    private static final Pattern INSERT_VALUES = Pattern.compile(
            "(?is)\\s*insert\\s+into\\s+\\S+\\s*(?:\\(([\\w\\s,]+)\\))?\\s*values\\s*\\(([^)]+)\\)\\s*;?\\s*");

    private SeedRows() {}

    static List<Map<String, Object>> of(Table table, List<InitCommand> commands) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InitCommand command : commands) {
            for (String sql : command.initCommands()) {
                Map<String, Object> row = row(table.columns(), sql);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> row(List<Column> columns, String sql) {
        Matcher m = INSERT_VALUES.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        List<String> names = m.group(1) == null
                ? columns.stream().map(Column::name).toList()
                : Arrays.stream(m.group(1).split(","))
                        .map(name -> name.trim().toLowerCase(java.util.Locale.ROOT))
                        .toList();
        String[] values = m.group(2).split(",");
        if (values.length != names.size()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            String value = values[i].trim();
            String column = names.get(i);
            if (value.matches("-?\\d{1,18}")) {
                row.put(column, Long.valueOf(value));
            } else if (value.matches("-?\\d+\\.\\d+")) {
                row.put(column, new java.math.BigDecimal(value));
            } else {
                return null;
            }
        }
        return row;
    }
}
