package dev.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index on {@code table}. Each entry of {@code columns} is a column name, optionally followed by
 * {@code ASC}/{@code DESC}, or an expression in parentheses such as {@code (lower(email))}.
 *
 * @param where the condition of a partial index (PostgreSQL, SQLite), or null
 */
public record Index(String name, String schema, String table, List<String> columns, boolean unique, String where)
        implements TableElement {

    public Index {
        Objects.requireNonNull(name, "index name");
        Objects.requireNonNull(table, "table of index " + name);
        columns = Constraint.requireColumns(columns, "index");
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    public Index unique(boolean value) {
        return new Index(name, schema, table, columns, value, where);
    }

    public Index where(String condition) {
        return new Index(name, schema, table, columns, unique, condition);
    }

    public Index onTable(String newTable) {
        return new Index(name, schema, newTable, columns, unique, where);
    }

    public Index inSchema(String newSchema) {
        return new Index(name, newSchema, table, columns, unique, where);
    }

    public Index renameColumn(String from, String to) {
        return new Index(name, schema, table, Constraint.rename(columns, from, to), unique, where);
    }

    /** The column name of an entry, or null when the entry is an expression. */
    public static String columnOf(String entry) {
        String e = entry.strip();
        if (e.startsWith("(")) {
            return null;
        }
        String upper = e.toUpperCase(java.util.Locale.ROOT);
        if (upper.endsWith(" DESC")) {
            return e.substring(0, e.length() - 5).strip();
        }
        if (upper.endsWith(" ASC")) {
            return e.substring(0, e.length() - 4).strip();
        }
        return e;
    }
}
