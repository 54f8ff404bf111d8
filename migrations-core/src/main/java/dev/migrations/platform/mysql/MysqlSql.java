package dev.migrations.platform.mysql;

import dev.migrations.platform.SqlDialect;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * MySQL's and MariaDB's names and literals: backtick quoting, their reserved words beyond standard
 * SQL's, 64-character names (longer ones are refused rather than cut), and string literals with the
 * backslash escaped, since both servers read it as an escape character unless {@code
 * NO_BACKSLASH_ESCAPES} is set.
 */
final class MysqlSql extends SqlDialect {

    private static final Set<String> RESERVED = Set.of(
            "accessible",
            "add",
            "alter",
            "analyze",
            "asc",
            "asensitive",
            "before",
            "between",
            "bigint",
            "binary",
            "blob",
            "by",
            "call",
            "cascade",
            "change",
            "char",
            "character",
            "collate",
            "column",
            "condition",
            "continue",
            "convert",
            "create",
            "cursor",
            "database",
            "databases",
            "day_hour",
            "day_microsecond",
            "day_minute",
            "day_second",
            "dec",
            "decimal",
            "declare",
            "delayed",
            "delete",
            "desc",
            "describe",
            "deterministic",
            "distinctrow",
            "div",
            "double",
            "drop",
            "dual",
            "each",
            "elseif",
            "enclosed",
            "escaped",
            "exit",
            "explain",
            "float",
            "float4",
            "float8",
            "force",
            "fulltext",
            "function",
            "generated",
            "get",
            "grant",
            "groups",
            "high_priority",
            "hour_microsecond",
            "hour_minute",
            "hour_second",
            "if",
            "ignore",
            "index",
            "infile",
            "inout",
            "insensitive",
            "insert",
            "int",
            "int1",
            "int2",
            "int3",
            "int4",
            "int8",
            "integer",
            "interval",
            "into",
            "iterate",
            "key",
            "keys",
            "kill",
            "lag",
            "lead",
            "leave",
            "linear",
            "lines",
            "load",
            "lock",
            "long",
            "longblob",
            "longtext",
            "loop",
            "low_priority",
            "master_ssl_verify_server_cert",
            "match",
            "maxvalue",
            "mediumblob",
            "mediumint",
            "mediumtext",
            "middleint",
            "minute_microsecond",
            "minute_second",
            "mod",
            "modifies",
            "no_write_to_binlog",
            "numeric",
            "optimize",
            "option",
            "optionally",
            "out",
            "outer",
            "outfile",
            "over",
            "partition",
            "precision",
            "procedure",
            "purge",
            "range",
            "rank",
            "read",
            "reads",
            "real",
            "recursive",
            "references",
            "regexp",
            "release",
            "rename",
            "repeat",
            "replace",
            "require",
            "resignal",
            "restrict",
            "return",
            "revoke",
            "rlike",
            "row",
            "rows",
            "schema",
            "schemas",
            "second_microsecond",
            "sensitive",
            "separator",
            "set",
            "show",
            "signal",
            "smallint",
            "spatial",
            "specific",
            "sql",
            "sqlexception",
            "sqlstate",
            "sqlwarning",
            "sql_big_result",
            "sql_calc_found_rows",
            "sql_small_result",
            "ssl",
            "starting",
            "stored",
            "straight_join",
            "terminated",
            "then",
            "tinyblob",
            "tinyint",
            "tinytext",
            "trigger",
            "undo",
            "unlock",
            "unsigned",
            "update",
            "usage",
            "use",
            "utc_date",
            "utc_time",
            "utc_timestamp",
            "values",
            "varbinary",
            "varchar",
            "varcharacter",
            "varying",
            "virtual",
            "while",
            "write",
            "xor",
            "year_month",
            "zerofill",
            "returning");

    MysqlSql() {
        super('`', RESERVED);
    }

    @Override
    public void checkIdentifier(String identifier) {
        super.checkIdentifier(identifier);
        if (identifier.length() > 64) {
            throw new IllegalArgumentException("Identifier '" + identifier + "' is longer than MySQL's and"
                    + " MariaDB's 64 characters; choose a shorter name.");
        }
    }

    @Override
    public String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Neither server has {@code TIMESTAMP WITH TIME ZONE}: an offset time is written in UTC. */
    @Override
    public String value(Object value) {
        if (value instanceof OffsetDateTime t) {
            return dateTimeLiteral(
                    "TIMESTAMP",
                    t.withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()
                            .toString()
                            .replace('T', ' '));
        }
        return super.value(value);
    }
}
