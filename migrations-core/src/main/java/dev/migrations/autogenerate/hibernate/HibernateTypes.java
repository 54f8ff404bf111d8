package dev.migrations.autogenerate.hibernate;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.ColumnType;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
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

    private HibernateTypes() {}

    static ColumnType portable(ColumnType parsed, org.hibernate.mapping.Column column, Metadata metadata) {
        // PostgreSQL has no one-byte integer: Hibernate's tinyint is a smallint there
        if (parsed.kind() != ColumnType.Kind.RAW && parsed.kind() != ColumnType.Kind.SMALLINT) {
            return parsed;
        }
        int code;
        try {
            code = column.getSqlTypeCode(metadata);
        } catch (MappingException e) {
            return parsed; // no JDBC type to go by: the dialect's name stays, marked database-specific
        }
        if (!namedByDialect(parsed.toString(), code, metadata)) {
            return parsed; // a columnDefinition's type is kept as written
        }
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
            case SqlTypes.TIME -> ColumnType.TIME;
            case SqlTypes.TIMESTAMP -> ColumnType.TIMESTAMP;
            case SqlTypes.TIMESTAMP_UTC, SqlTypes.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_TZ;
            case SqlTypes.ENUM -> enumValues(parsed) == null ? parsed : ColumnType.varchar(length(column));
            default -> parsed;
        };
    }

    /**
     * The check an enum type stood for, as Hibernate writes it on the databases without one
     * ({@code status in ('A','B')}); null when {@code type} is no enum type.
     */
    static CheckConstraint enumCheck(String columnName, ColumnType type) {
        String values = enumValues(type);
        return values == null ? null : new CheckConstraint(null, columnName + " in (" + values + ")");
    }

    private static String enumValues(ColumnType type) {
        if (type.kind() != ColumnType.Kind.RAW) {
            return null;
        }
        Matcher m = ENUM.matcher(type.raw().strip());
        return m.matches() ? m.group(1).strip() : null;
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
        return ddl != null
                && Arrays.stream(ddl.getRawTypeNames())
                        .anyMatch(name -> name.toLowerCase(Locale.ROOT)
                                .replaceAll("\\(.*\\)", "")
                                .strip()
                                .equals(base));
    }

    private static int length(org.hibernate.mapping.Column column) {
        Long length = column.getLength();
        return length == null ? 255 : length.intValue();
    }
}
