package dev.migrations.autogenerate.hibernate;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.ColumnType;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.sql.DdlType;

/**
 * The portable type of a column whose type name Hibernate's dialect chose, read from the JDBC type
 * Hibernate maps it to rather than from the dialect's spelling: {@code oid} on PostgreSQL is a
 * {@code @Lob}, {@code tinyint} an ordinal enum, SQLite's {@code timestamp} an {@code Instant}. Each
 * platform renders the portable type as Hibernate's dialect does there, so a file generated on one
 * database builds on another what Hibernate expects on that one. A type written in
 * {@code columnDefinition} is kept as written.
 */
final class HibernateTypes {

    /** H2's {@code enum ('A','B')}, which Hibernate writes for {@code @Enumerated(STRING)} there. */
    private static final Pattern ENUM = Pattern.compile("(?i)enum\\s*\\((.*)\\)");

    private static final Pattern DIGITS = Pattern.compile("\\((\\d+)\\)");

    private HibernateTypes() {}

    static ColumnType portable(ColumnType parsed, org.hibernate.mapping.Column column, Metadata metadata) {
        // PostgreSQL has no one-byte integer: Hibernate's tinyint is a smallint there
        if (parsed.kind() != ColumnType.Kind.RAW && parsed.kind() != ColumnType.Kind.SMALLINT) {
            return parsed;
        }
        int ddlCode;
        try {
            ddlCode = column.getSqlTypeCode(metadata);
        } catch (MappingException e) {
            return parsed; // no JDBC type to go by: the dialect's name stays, marked database-specific
        }
        if (!namedByDialect(parsed.toString(), ddlCode, metadata)) {
            return parsed; // a columnDefinition's type is kept as written
        }
        int code = meaning(column, ddlCode);
        if (parsed.kind() == ColumnType.Kind.SMALLINT) {
            return code == SqlTypes.TINYINT ? ColumnType.TINYINT : parsed;
        }
        return switch (code) {
            case SqlTypes.TINYINT -> ColumnType.TINYINT;
            case SqlTypes.BLOB -> ColumnType.BLOB;
            case SqlTypes.CLOB, SqlTypes.NCLOB -> ColumnType.CLOB;
            case SqlTypes.JSON -> ColumnType.JSON;
            case SqlTypes.UUID -> ColumnType.UUID;
            case SqlTypes.FLOAT, SqlTypes.DOUBLE -> ColumnType.DOUBLE;
            case SqlTypes.REAL -> ColumnType.FLOAT;
            case SqlTypes.TIME -> TypeNames.withPrecision(ColumnType.Kind.TIME, precision(parsed));
            case SqlTypes.TIMESTAMP -> TypeNames.withPrecision(ColumnType.Kind.TIMESTAMP, precision(parsed));
            case SqlTypes.TIMESTAMP_UTC, SqlTypes.TIMESTAMP_WITH_TIMEZONE ->
                TypeNames.withPrecision(ColumnType.Kind.TIMESTAMP_TZ, precision(parsed));
            // H2's enum is what Hibernate's H2 dialect writes for a plain @Enumerated(STRING), which is
            // varchar + check everywhere else; MySQL's ENUM is compared as the column type it is there
            case SqlTypes.ENUM ->
                enumValues(parsed) == null || !(metadata.getDatabase().getDialect() instanceof H2Dialect)
                        ? parsed
                        : ColumnType.varchar(length(column));
            default -> parsed;
        };
    }

    /**
     * The check an enum type stood for, as Hibernate writes it on the databases without one
     * ({@code status in ('A','B')}); null when {@code type} is no enum type.
     */
    static CheckConstraint enumCheck(org.hibernate.mapping.Column column, String columnName, ColumnType type) {
        String values = enumValues(type);
        if (values == null) {
            return null;
        }
        // in declaration order, as Hibernate writes the check (H2's own type may list them otherwise)
        if (column.getValue() != null
                && column.getValue().getType() instanceof BasicType<?> basic
                && basic.getJavaType().isEnum()) {
            values = Arrays.stream(basic.getJavaType().getEnumConstants())
                    .map(constant -> "'" + ((Enum<?>) constant).name() + "'")
                    .collect(Collectors.joining(","));
        }
        return new CheckConstraint(null, columnName + " in (" + values + ")");
    }

    private static String enumValues(ColumnType type) {
        if (type.kind() != ColumnType.Kind.RAW) {
            return null;
        }
        Matcher m = ENUM.matcher(type.raw().strip());
        return m.matches() ? m.group(1).strip() : null;
    }

    /**
     * What the column holds, where the dialect stores it as something else: SQLite keeps JSON as a
     * long string and a UUID as bytes, while the mapping still says JSON and {@code java.util.UUID}.
     */
    private static int meaning(org.hibernate.mapping.Column column, int ddlCode) {
        if (column.getValue() != null && column.getValue().getType() instanceof BasicType<?> basic) {
            return basic.getJavaType() == java.util.UUID.class
                    ? SqlTypes.UUID
                    : basic.getJdbcType().getDefaultSqlTypeCode();
        }
        return ddlCode;
    }

    /** Whether {@code type} is the dialect's own name for {@code code} rather than a columnDefinition's. */
    private static boolean namedByDialect(String type, int code, Metadata metadata) {
        String base = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
        if (code == SqlTypes.ENUM) {
            return base.equals("enum");
        }
        DdlType ddl = metadata.getDatabase()
                .getTypeConfiguration()
                .getDdlTypeRegistry()
                .getDescriptor(code);
        // on MySQL a small @Lob is tinyblob, not the BLOB the portable type renders: only the main name maps
        return ddl != null
                && ddl.getRawTypeName()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\(.*\\)", "")
                        .strip()
                        .equals(base);
    }

    /** The fractional-second digits of {@code datetime(6)}; null when the name has none. */
    private static Integer precision(ColumnType raw) {
        Matcher m = DIGITS.matcher(raw.raw());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static int length(org.hibernate.mapping.Column column) {
        Long length = column.getLength();
        return length == null ? 255 : length.intValue();
    }
}
