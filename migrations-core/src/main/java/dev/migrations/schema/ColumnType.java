package dev.migrations.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column type written once and rendered for each database: the portable set covers what a JPA
 * schema contains, and {@link #raw(String)} passes a database-specific type through unchanged.
 *
 * @param kind the portable kind
 * @param length characters or bytes for {@code VARCHAR}, {@code CHAR} and {@code BINARY}; null when unbounded
 * @param precision digits for {@code DECIMAL}, fractional-second digits for times; null for the default
 * @param scale digits after the point for {@code DECIMAL}
 * @param raw the type text of a {@link Kind#RAW} type
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, String raw) {

    /** A raw type is a type name with optional size arguments, never a statement fragment. */
    private static final Pattern RAW_TYPE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_ ]*(\\([0-9 ,A-Za-z_']*\\))?" + "( ?\\[\\])*( [A-Za-z_][A-Za-z0-9_ ]*)?");

    public enum Kind {
        /** One byte where the database has it (Hibernate's ordinal enum); {@code smallint} on PostgreSQL. */
        TINYINT,
        SMALLINT,
        INTEGER,
        BIGINT,
        BOOLEAN,
        VARCHAR,
        CHAR,
        TEXT,
        DECIMAL,
        FLOAT,
        DOUBLE,
        DATE,
        TIME,
        TIMESTAMP,
        TIMESTAMP_TZ,
        UUID,
        BINARY,
        BLOB,
        CLOB,
        JSON,
        RAW
    }

    public static final ColumnType TINYINT = of(Kind.TINYINT);
    public static final ColumnType SMALLINT = of(Kind.SMALLINT);
    public static final ColumnType INTEGER = of(Kind.INTEGER);
    public static final ColumnType BIGINT = of(Kind.BIGINT);
    public static final ColumnType BOOLEAN = of(Kind.BOOLEAN);
    public static final ColumnType TEXT = of(Kind.TEXT);
    /** Single precision (4-byte) floating point. */
    public static final ColumnType FLOAT = of(Kind.FLOAT);

    public static final ColumnType DOUBLE = of(Kind.DOUBLE);
    public static final ColumnType DATE = of(Kind.DATE);
    public static final ColumnType TIME = of(Kind.TIME);
    /** A timestamp without time zone (Java {@code LocalDateTime}). */
    public static final ColumnType TIMESTAMP = of(Kind.TIMESTAMP);
    /** A timestamp with time zone (Java {@code Instant}, {@code OffsetDateTime}). */
    public static final ColumnType TIMESTAMP_TZ = of(Kind.TIMESTAMP_TZ);

    public static final ColumnType UUID = of(Kind.UUID);
    /** Unbounded binary data ({@code bytea} on PostgreSQL). */
    public static final ColumnType BINARY = of(Kind.BINARY);

    /** A binary large object as Hibernate maps {@code @Lob byte[]} ({@code oid} on PostgreSQL). */
    public static final ColumnType BLOB = of(Kind.BLOB);
    /** A character large object as Hibernate maps {@code @Lob String} ({@code oid} on PostgreSQL). */
    public static final ColumnType CLOB = of(Kind.CLOB);
    /** JSON ({@code jsonb} on PostgreSQL). */
    public static final ColumnType JSON = of(Kind.JSON);

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RAW && (raw == null || !RAW_TYPE.matcher(raw.strip()).matches())) {
            throw new IllegalArgumentException("Not a type name: '" + raw + "'. A raw type is a name with optional"
                    + " arguments such as 'tsvector', 'numeric(10)' or 'int[]'.");
        }
        if (length != null && length <= 0) {
            throw new IllegalArgumentException("A " + kind + " length must be positive, not " + length);
        }
    }

    private static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null, null);
    }

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, null, null, null);
    }

    public static ColumnType character(int length) {
        return new ColumnType(Kind.CHAR, length, null, null, null);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, null, precision, scale, null);
    }

    public static ColumnType binary(int length) {
        return new ColumnType(Kind.BINARY, length, null, null, null);
    }

    /** A timestamp without time zone with the given fractional-second digits. */
    public static ColumnType timestamp(int fractionalDigits) {
        return new ColumnType(Kind.TIMESTAMP, null, fractionalDigits, null, null);
    }

    public static ColumnType timestampTz(int fractionalDigits) {
        return new ColumnType(Kind.TIMESTAMP_TZ, null, fractionalDigits, null, null);
    }

    /** A database-specific type, rendered as written: {@code raw("tsvector")}, {@code raw("int[]")}. */
    public static ColumnType raw(String type) {
        return new ColumnType(Kind.RAW, null, null, null, type == null ? null : type.strip());
    }

    /** True for integer kinds, and raw types SQLite would give integer affinity (their name contains INT). */
    public boolean isInteger() {
        return kind == Kind.TINYINT
                || kind == Kind.SMALLINT
                || kind == Kind.INTEGER
                || kind == Kind.BIGINT
                || (kind == Kind.RAW && raw.toUpperCase(Locale.ROOT).contains("INT"));
    }

    @Override
    public String toString() {
        String text = switch (kind) {
            case RAW -> raw;
            case VARCHAR, CHAR, BINARY -> length == null ? kind.name() : kind.name() + "(" + length + ")";
            case DECIMAL -> precision == null ? "DECIMAL" : "DECIMAL(" + precision + "," + scale + ")";
            default -> precision == null ? kind.name() : kind.name() + "(" + precision + ")";
        };
        return kind == Kind.RAW ? text : text.toLowerCase(Locale.ROOT);
    }
}
