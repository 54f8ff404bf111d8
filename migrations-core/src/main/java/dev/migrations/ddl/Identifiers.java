package dev.migrations.ddl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When an identifier must be quoted. A plain lower-case name is left bare so that it folds the way
 * the database folds unquoted names (and the way Hibernate writes them); reserved words, mixed
 * case and anything else are quoted. Each database has its own reserved list: on H2 quoting also
 * changes the stored case, so only H2's own keywords are quoted there.
 */
final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*"); // $ after the first letter: PostgreSQL, H2 and SQLite take it bare

    private static final Set<String> SQL = Set.of("all", "and", "any", "array", "as", "asymmetric", "both", "case",
            "cast", "check", "constraint", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "distinct", "else",
            "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "group", "having", "in",
            "inner", "intersect", "is", "join", "leading", "left", "like", "limit", "localtime", "localtimestamp",
            "natural", "not", "null", "offset", "on", "or", "order", "primary", "right", "select", "session_user",
            "some", "symmetric", "table", "to", "trailing", "true", "union", "unique", "user", "using", "when",
            "where", "window", "with");

    private static final Set<String> POSTGRESQL = Set.of("analyse", "analyze", "asc", "authorization", "binary",
            "collate", "collation", "column", "concurrently", "create", "deferrable", "desc", "do", "freeze", "grant",
            "ilike", "initially", "into", "isnull", "lateral", "notnull", "only", "outer", "overlaps", "placing",
            "references", "returning", "similar", "system_user", "tablesample", "then", "variadic", "verbose");

    private static final Set<String> H2 = Set.of("authorization", "between", "current_path", "day", "groups",
            "hour", "if", "ilike", "interval", "key", "minus", "minute", "month", "over", "partition", "qualify",
            "range", "regexp", "row", "rownum", "rows", "second", "set", "system_user", "top", "uescape", "unknown",
            "value", "values", "year", "_rowid_");

    private static final Set<String> SQLITE = Set.of("abort", "action", "add", "after", "alter", "always", "analyze",
            "asc", "attach", "autoincrement", "before", "begin", "between", "by", "cascade", "collate", "column",
            "commit", "conflict", "create", "current", "database", "deferrable", "deferred", "delete", "desc",
            "detach", "do", "drop", "each", "escape", "exclude", "exclusive", "explain", "fail", "filter", "first",
            "following", "generated", "glob", "groups", "if", "ignore", "immediate", "index", "indexed", "initially",
            "insert", "instead", "into", "isnull", "key", "last", "match", "materialized", "no", "nothing",
            "notnull", "nulls", "of", "others", "outer", "over", "partition", "plan", "pragma", "preceding", "query",
            "raise", "range", "recursive", "references", "regexp", "reindex", "release", "rename", "replace",
            "restrict", "returning", "rollback", "row", "rows", "savepoint", "set", "temp", "temporary", "then",
            "ties", "transaction", "trigger", "unbounded", "update", "vacuum", "values", "view", "virtual",
            "without");

    private Identifiers() {
    }

    static boolean needsQuoting(Dialect dialect, String identifier) {
        if (!PLAIN.matcher(identifier).matches()) {
            return true;
        }
        String word = identifier.toLowerCase(Locale.ROOT);
        return switch (dialect) {
            case POSTGRESQL -> SQL.contains(word) || POSTGRESQL.contains(word);
            case H2 -> SQL.contains(word) || H2.contains(word);
            case SQLITE -> SQL.contains(word) || SQLITE.contains(word);
            default -> SQL.contains(word) || POSTGRESQL.contains(word) || H2.contains(word);
        };
    }

    /** Rejects names no database accepts, and names PostgreSQL would silently truncate. */
    static String check(Dialect dialect, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        for (int i = 0; i < identifier.length(); i++) {
            if (Character.isISOControl(identifier.charAt(i))) {
                throw new IllegalArgumentException("Identifier '" + identifier.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character");
            }
        }
        if (dialect == Dialect.POSTGRESQL
                && identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            throw new IllegalArgumentException("Identifier '" + identifier + "' is longer than PostgreSQL's 63 bytes;"
                    + " PostgreSQL would silently truncate it. Choose a shorter name.");
        }
        return identifier;
    }
}
