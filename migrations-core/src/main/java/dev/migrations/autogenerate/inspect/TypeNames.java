package dev.migrations.autogenerate.inspect;

import dev.migrations.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a catalog's type name back into the portable type the renderer would have written, so a
 * generated migration reads {@code varchar(200)} rather than {@code raw("character varying(200)")}.
 * A name with no portable equivalent stays raw, which renders back to itself.
 */
public final class TypeNames {

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)(.*)");

    private TypeNames() {
    }

    /** PostgreSQL's {@code format_type} spelling, as {@code PostgresDdl} renders it. */
    static ColumnType postgres(String type) {
        return parse(type);
    }

    /**
     * A SQL type name in the spellings PostgreSQL's catalog and Hibernate's DDL use ({@code integer}
     * or {@code int}, {@code character varying(n)} or {@code varchar(n)}, {@code timestamp(6) with
     * time zone}, {@code float(53)}...) as the portable type that renders it; anything else stays raw.
     */
    public static ColumnType parse(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "smallint": return ColumnType.SMALLINT;
            case "integer", "int": return ColumnType.INTEGER;
            case "bigint": return ColumnType.BIGINT;
            case "boolean": return ColumnType.BOOLEAN;
            case "text": return ColumnType.TEXT;
            case "real", "float4": return ColumnType.FLOAT;
            case "double precision", "float8": return ColumnType.DOUBLE;
            case "date": return ColumnType.DATE;
            case "uuid": return ColumnType.UUID;
            case "bytea": return ColumnType.BINARY;
            case "jsonb": return ColumnType.JSON;
            case "character varying": return new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null);
            case "numeric": return new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null);
            case "time without time zone": return ColumnType.TIME;
            case "timestamp without time zone": return ColumnType.TIMESTAMP;
            case "timestamp with time zone": return ColumnType.TIMESTAMP_TZ;
            default: break;
        }
        Matcher m = SIZED.matcher(t);
        if (m.matches()) {
            String name = m.group(1).strip();
            int first = Integer.parseInt(m.group(2));
            String tail = m.group(4).strip();
            switch (name + (tail.isEmpty() ? "" : " " + tail)) {
                case "character varying", "varchar": return ColumnType.varchar(first);
                case "character", "char": return ColumnType.character(first);
                case "numeric", "decimal":
                    return ColumnType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                case "time without time zone", "time": return withPrecision(ColumnType.Kind.TIME, first);
                case "timestamp without time zone", "timestamp": return withPrecision(ColumnType.Kind.TIMESTAMP, first);
                case "timestamp with time zone": return withPrecision(ColumnType.Kind.TIMESTAMP_TZ, first);
                case "float": return first <= 24 ? ColumnType.FLOAT : ColumnType.DOUBLE;
                default: break;
            }
        }
        return ColumnType.raw(type.strip());
    }

    /** A SQLite declared type, as {@code SqliteDdl} renders the portable ones; anything else stays raw. */
    static ColumnType sqlite(String declared) {
        String t = declared.strip().toUpperCase(Locale.ROOT);
        switch (t) {
            case "SMALLINT": return ColumnType.SMALLINT;
            case "INTEGER": return ColumnType.INTEGER;
            case "BIGINT": return ColumnType.BIGINT;
            case "BOOLEAN": return ColumnType.BOOLEAN;
            case "TEXT": return ColumnType.TEXT;
            case "REAL": return ColumnType.FLOAT;
            case "DOUBLE": return ColumnType.DOUBLE;
            case "DATE": return ColumnType.DATE;
            case "TIME": return ColumnType.TIME;
            case "TIMESTAMP": return ColumnType.TIMESTAMP;
            case "UUID": return ColumnType.UUID;
            case "BLOB": return ColumnType.BLOB;
            case "CLOB": return ColumnType.CLOB;
            case "JSON": return ColumnType.JSON;
            case "VARCHAR": return new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null);
            case "NUMERIC": return new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null);
            default: break;
        }
        Matcher m = SIZED.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches() && m.group(4).isBlank()) {
            int first = Integer.parseInt(m.group(2));
            switch (m.group(1).strip()) {
                case "varchar": return ColumnType.varchar(first);
                case "char": return ColumnType.character(first);
                case "numeric": return ColumnType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                // SQLite keeps no fractional-second precision: time(0) and time are the same column
                case "time": return ColumnType.TIME;
                case "timestamp": return ColumnType.TIMESTAMP;
                default: break;
            }
        }
        return ColumnType.raw(t);
    }

    /** H2's INFORMATION_SCHEMA.COLUMNS description, as {@code H2Ddl} renders it. */
    static ColumnType h2(String dataType, Long length, Integer precision, Integer scale, Integer fraction) {
        String t = dataType.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "SMALLINT" -> ColumnType.SMALLINT;
            case "INTEGER" -> ColumnType.INTEGER;
            case "BIGINT" -> ColumnType.BIGINT;
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "REAL" -> ColumnType.FLOAT;
            case "DOUBLE PRECISION" -> ColumnType.DOUBLE;
            case "DATE" -> ColumnType.DATE;
            case "UUID" -> ColumnType.UUID;
            case "JSON" -> ColumnType.JSON;
            case "CHARACTER LARGE OBJECT" -> ColumnType.CLOB;
            case "BINARY LARGE OBJECT" -> ColumnType.BLOB;
            case "CHARACTER VARYING" -> length == null || length >= Integer.MAX_VALUE
                    ? new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null) : ColumnType.varchar(length.intValue());
            case "CHARACTER" -> ColumnType.character(length == null ? 1 : length.intValue());
            case "BINARY VARYING" -> length == null || length >= Integer.MAX_VALUE ? ColumnType.BINARY
                    : ColumnType.binary(length.intValue());
            case "NUMERIC", "DECIMAL" -> precision == null ? new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null)
                    : ColumnType.decimal(precision, scale == null ? 0 : scale);
            case "TIME" -> withPrecision(ColumnType.Kind.TIME, fraction);
            case "TIMESTAMP" -> withPrecision(ColumnType.Kind.TIMESTAMP, fraction);
            case "TIMESTAMP WITH TIME ZONE" -> withPrecision(ColumnType.Kind.TIMESTAMP_TZ, fraction);
            default -> ColumnType.raw(length != null && length < Integer.MAX_VALUE && !t.contains("(")
                    && (t.contains("CHAR") || t.contains("BINARY")) ? t + "(" + length + ")" : t);
        };
    }

    private static ColumnType withPrecision(ColumnType.Kind kind, Integer precision) {
        return new ColumnType(kind, null, precision, null, null);
    }
}
