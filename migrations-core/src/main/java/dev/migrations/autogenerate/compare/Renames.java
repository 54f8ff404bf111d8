package dev.migrations.autogenerate.compare;

import dev.migrations.api.MigrationsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the developer says was renamed, which no comparison can tell from a drop and an add: tables
 * by old name, and columns by table (its new name) and old name. Given as {@code old=new} or
 * {@code table.old=new}.
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
    }

    /** Parses {@code orders=purchases} (a table) and {@code users.nick=nickname} (a column). */
    public static Renames parse(List<String> hints) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        for (String hint : hints) {
            String[] sides = hint.split("=", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank() || sides[1].contains(".")) {
                throw new MigrationsException("Cannot read the rename '" + hint + "': write old_table=new_table or"
                        + " table.old_column=new_column.");
            }
            String from = sides[0].strip();
            int dot = from.indexOf('.');
            if (dot < 0) {
                tables.put(from, sides[1].strip());
            } else {
                columns.computeIfAbsent(from.substring(0, dot), t -> new LinkedHashMap<>())
                        .put(from.substring(dot + 1), sides[1].strip());
            }
        }
        return new Renames(tables, columns);
    }

    /** These renames and {@code hints}; where both name the same old table or column, these win. */
    public Renames and(Renames hints) {
        Map<String, String> allTables = new LinkedHashMap<>(hints.tables);
        allTables.putAll(tables);
        Map<String, Map<String, String>> allColumns = new LinkedHashMap<>();
        hints.columns.forEach((table, renames) -> allColumns.put(table, new LinkedHashMap<>(renames)));
        columns.forEach((table, renames) ->
                allColumns.computeIfAbsent(table, t -> new LinkedHashMap<>()).putAll(renames));
        return new Renames(allTables, allColumns);
    }

    /** The new name of column {@code column} of table {@code table} (its new name), or null. */
    String column(String table, String column) {
        return columns.getOrDefault(table, Map.of()).get(column);
    }
}
