package dev.migrations.platform.h2;

import dev.migrations.platform.SqlDialect;
import java.util.Set;

/**
 * H2's keywords. Quoting also keeps a name's case on H2 (unquoted names are stored in upper case),
 * so only these are quoted.
 */
final class H2Sql extends SqlDialect {

    private static final Set<String> RESERVED = Set.of(
            "authorization",
            "between",
            "current_path",
            "day",
            "groups",
            "hour",
            "if",
            "ilike",
            "interval",
            "key",
            "minus",
            "minute",
            "month",
            "over",
            "partition",
            "qualify",
            "range",
            "regexp",
            "row",
            "rownum",
            "rows",
            "second",
            "set",
            "system_user",
            "top",
            "uescape",
            "unknown",
            "value",
            "values",
            "year",
            "_rowid_");

    H2Sql() {
        super('"', RESERVED);
    }
}
