package dev.migrations.platform.sqlite;

import dev.migrations.platform.SqlDialect;
import java.util.Set;

/** SQLite's keywords; booleans are 1 and 0, and dates are stored as text. */
final class SqliteSql extends SqlDialect {

    private static final Set<String> RESERVED = Set.of(
            "abort",
            "action",
            "add",
            "after",
            "alter",
            "always",
            "analyze",
            "asc",
            "attach",
            "autoincrement",
            "before",
            "begin",
            "between",
            "by",
            "cascade",
            "collate",
            "column",
            "commit",
            "conflict",
            "create",
            "current",
            "database",
            "deferrable",
            "deferred",
            "delete",
            "desc",
            "detach",
            "do",
            "drop",
            "each",
            "escape",
            "exclude",
            "exclusive",
            "explain",
            "fail",
            "filter",
            "first",
            "following",
            "generated",
            "glob",
            "groups",
            "if",
            "ignore",
            "immediate",
            "index",
            "indexed",
            "initially",
            "insert",
            "instead",
            "into",
            "isnull",
            "key",
            "last",
            "match",
            "materialized",
            "no",
            "nothing",
            "notnull",
            "nulls",
            "of",
            "others",
            "outer",
            "over",
            "partition",
            "plan",
            "pragma",
            "preceding",
            "query",
            "raise",
            "range",
            "recursive",
            "references",
            "regexp",
            "reindex",
            "release",
            "rename",
            "replace",
            "restrict",
            "returning",
            "rollback",
            "row",
            "rows",
            "savepoint",
            "set",
            "temp",
            "temporary",
            "then",
            "ties",
            "transaction",
            "trigger",
            "unbounded",
            "update",
            "vacuum",
            "values",
            "view",
            "virtual",
            "without");

    SqliteSql() {
        super('"', RESERVED);
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    protected String dateTimeLiteral(String type, String text) {
        return literal(text);
    }
}
