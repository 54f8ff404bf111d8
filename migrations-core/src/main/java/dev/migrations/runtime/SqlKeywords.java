package dev.migrations.runtime;

import java.util.Locale;
import java.util.Set;

/** Words that must be quoted when used as identifiers on at least one supported database. */
final class SqlKeywords {

    private static final Set<String> RESERVED = Set.of("all", "alter", "analyse", "analyze", "and", "any", "array",
            "as", "asc", "between", "both", "by", "case", "cast", "check", "collate", "column", "constraint",
            "create", "cross", "current_date", "current_time", "current_timestamp", "current_user", "default",
            "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "if", "in", "index", "inner", "insert",
            "intersect", "into", "is", "join", "key", "leading", "left", "like", "limit", "natural", "not", "null",
            "offset", "on", "only", "or", "order", "outer", "primary", "references", "returning", "right", "select",
            "session_user", "set", "some", "table", "then", "to", "trailing", "true", "union", "unique", "update",
            "user", "using", "value", "values", "when", "where", "window", "with");

    private SqlKeywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
