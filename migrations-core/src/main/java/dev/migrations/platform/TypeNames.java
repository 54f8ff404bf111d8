package dev.migrations.platform;

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

    /** {@code name(n)}, {@code name(p, s)}, with what follows the parentheses. */
    public static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)(.*)");

    private TypeNames() {}

    /**
     * A SQL type name in the spellings PostgreSQL's catalog and Hibernate's DDL use ({@code integer}
     * or {@code int}, {@code character varying(n)} or {@code varchar(n)}, {@code timestamp(6) with
     * time zone}, {@code float(53)}...) as the portable type that renders it; anything else stays raw.
     */
    public static ColumnType parse(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "smallint":
                return ColumnType.SMALLINT;
            case "integer", "int":
                return ColumnType.INTEGER;
            case "bigint":
                return ColumnType.BIGINT;
            case "boolean":
                return ColumnType.BOOLEAN;
            case "text":
                return ColumnType.TEXT;
            case "real", "float4":
                return ColumnType.FLOAT;
            case "double precision", "float8":
                return ColumnType.DOUBLE;
            case "date":
                return ColumnType.DATE;
            case "uuid":
                return ColumnType.UUID;
            case "bytea":
                return ColumnType.BINARY;
            case "jsonb":
                return ColumnType.JSON;
            case "character varying":
                return new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null);
            case "numeric":
                return new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null);
            case "time without time zone":
                return ColumnType.TIME;
            case "timestamp without time zone":
                return ColumnType.TIMESTAMP;
            case "timestamp with time zone":
                return ColumnType.TIMESTAMP_TZ;
            default:
                break;
        }
        Matcher m = SIZED.matcher(t);
        if (m.matches()) {
            String name = m.group(1).strip();
            int first = Integer.parseInt(m.group(2));
            String tail = m.group(4).strip();
            switch (name + (tail.isEmpty() ? "" : " " + tail)) {
                case "character varying", "varchar":
                    return ColumnType.varchar(first);
                case "character", "char":
                    return ColumnType.character(first);
                case "numeric", "decimal":
                    return ColumnType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                case "time without time zone", "time":
                    return withPrecision(ColumnType.Kind.TIME, first);
                case "timestamp without time zone", "timestamp":
                    return withPrecision(ColumnType.Kind.TIMESTAMP, first);
                case "timestamp with time zone":
                    return withPrecision(ColumnType.Kind.TIMESTAMP_TZ, first);
                case "float":
                    return first <= 24 ? ColumnType.FLOAT : ColumnType.DOUBLE;
                default:
                    break;
            }
        }
        return ColumnType.raw(type.strip());
    }

    /** A time type with its fractional-second precision (null for none). */
    public static ColumnType withPrecision(ColumnType.Kind kind, Integer precision) {
        return new ColumnType(kind, null, precision, null, null);
    }
}
