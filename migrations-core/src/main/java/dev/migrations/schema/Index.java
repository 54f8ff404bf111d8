package dev.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index on {@code table}. Each entry of {@code columns} is a column name, optionally followed by
 * a prefix length in parentheses ({@code email(191)}: MySQL/MariaDB index the first 191 characters;
 * other databases the whole column) and by {@code ASC}/{@code DESC}, or an expression in parentheses
 * such as {@code (lower(email))}.
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
        String e = withoutOrder(entry);
        if (e.startsWith("(")) {
            return null;
        }
        java.util.regex.Matcher prefix = PREFIX.matcher(e);
        return prefix.matches() ? prefix.group(1) : e;
    }

    /** The prefix length of an entry such as {@code email(191)}, or null when it indexes the whole column. */
    public static Integer prefixLength(String entry) {
        String e = withoutOrder(entry);
        java.util.regex.Matcher prefix = PREFIX.matcher(e);
        return !e.startsWith("(") && prefix.matches() ? Integer.valueOf(prefix.group(2)) : null;
    }

    /** The entry without its prefix length: {@code email(191) desc} → {@code email desc}. */
    public static String withoutPrefix(String entry) {
        String column = columnOf(entry);
        if (column == null || prefixLength(entry) == null) {
            return entry;
        }
        String e = entry.strip();
        return column + e.substring(withoutOrder(e).length());
    }

    /** The entry without a trailing ASC or DESC. */
    private static String withoutOrder(String entry) {
        String e = entry.strip();
        String upper = e.toUpperCase(java.util.Locale.ROOT);
        if (upper.endsWith(" DESC")) {
            return e.substring(0, e.length() - 5).strip();
        }
        if (upper.endsWith(" ASC")) {
            return e.substring(0, e.length() - 4).strip();
        }
        return e;
    }

    /** {@code name(123)}: a column and its prefix length. */
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("(.+?)\\s*\\((\\d+)\\)");
}
