package dev.migrations.platform.postgresql;

import dev.migrations.platform.SqlDialect;
import java.util.HexFormat;
import java.util.Set;

/** PostgreSQL's reserved words, its 63-byte names and its {@code bytea} literals. */
final class PostgresSql extends SqlDialect {

    private static final Set<String> RESERVED = Set.of(
            "analyse",
            "analyze",
            "asc",
            "authorization",
            "binary",
            "collate",
            "collation",
            "column",
            "concurrently",
            "create",
            "deferrable",
            "desc",
            "do",
            "freeze",
            "grant",
            "ilike",
            "initially",
            "into",
            "isnull",
            "lateral",
            "notnull",
            "only",
            "outer",
            "overlaps",
            "placing",
            "references",
            "returning",
            "similar",
            "system_user",
            "tablesample",
            "then",
            "variadic",
            "verbose");

    /** NAMEDATALEN - 1: PostgreSQL truncates longer names without an error. */
    private static final int MAX_NAME_BYTES = 63;

    PostgresSql() {
        super('"', RESERVED);
    }

    @Override
    public void checkIdentifier(String identifier) {
        super.checkIdentifier(identifier);
        checkLength(identifier, MAX_NAME_BYTES, "PostgreSQL");
    }

    @Override
    public String bytesLiteral(byte[] bytes) {
        return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
    }
}
