package dev.migrations.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Static factories for writing migrations: {@code import static dev.migrations.schema.Dsl.*;} and
 * then {@code column("id", BIGINT).identity().primaryKey()}, {@code foreignKey("fk_order_user",
 * "user_id").references("user", "id")}, {@code index("ix_user_email", "user", "email")}.
 */
public final class Dsl {

    public static final ColumnType TINYINT = ColumnType.TINYINT;
    public static final ColumnType SMALLINT = ColumnType.SMALLINT;
    public static final ColumnType INTEGER = ColumnType.INTEGER;
    public static final ColumnType BIGINT = ColumnType.BIGINT;
    public static final ColumnType BOOLEAN = ColumnType.BOOLEAN;
    public static final ColumnType TEXT = ColumnType.TEXT;
    public static final ColumnType FLOAT = ColumnType.FLOAT;
    public static final ColumnType DOUBLE = ColumnType.DOUBLE;
    public static final ColumnType DATE = ColumnType.DATE;
    public static final ColumnType TIME = ColumnType.TIME;
    public static final ColumnType TIMESTAMP = ColumnType.TIMESTAMP;
    public static final ColumnType TIMESTAMP_TZ = ColumnType.TIMESTAMP_TZ;
    public static final ColumnType UUID = ColumnType.UUID;
    public static final ColumnType BINARY = ColumnType.BINARY;
    public static final ColumnType BLOB = ColumnType.BLOB;
    public static final ColumnType CLOB = ColumnType.CLOB;
    public static final ColumnType JSON = ColumnType.JSON;

    public static final ReferentialAction CASCADE = ReferentialAction.CASCADE;
    public static final ReferentialAction SET_NULL = ReferentialAction.SET_NULL;
    public static final ReferentialAction SET_DEFAULT = ReferentialAction.SET_DEFAULT;
    public static final ReferentialAction RESTRICT = ReferentialAction.RESTRICT;
    public static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;

    public static final Constraint.Type PRIMARY_KEY = Constraint.Type.PRIMARY_KEY;
    public static final Constraint.Type UNIQUE = Constraint.Type.UNIQUE;
    public static final Constraint.Type FOREIGN_KEY = Constraint.Type.FOREIGN_KEY;
    public static final Constraint.Type CHECK = Constraint.Type.CHECK;

    private Dsl() {}

    public static ColumnType varchar(int length) {
        return ColumnType.varchar(length);
    }

    public static ColumnType character(int length) {
        return ColumnType.character(length);
    }

    public static ColumnType decimal(int precision, int scale) {
        return ColumnType.decimal(precision, scale);
    }

    /** {@code VARCHAR} without a length (PostgreSQL and H2 leave it unbounded). */
    public static ColumnType varchar() {
        return new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null);
    }

    public static ColumnType binary(int length) {
        return ColumnType.binary(length);
    }

    /** {@code TIME} with {@code fractionalDigits} digits of seconds. */
    public static ColumnType time(int fractionalDigits) {
        return new ColumnType(ColumnType.Kind.TIME, null, fractionalDigits, null, null);
    }

    public static ColumnType timestamp(int fractionalDigits) {
        return ColumnType.timestamp(fractionalDigits);
    }

    public static ColumnType timestampTz(int fractionalDigits) {
        return ColumnType.timestampTz(fractionalDigits);
    }

    /** A table definition from columns, constraints and indexes, as {@code Ops.createTable} takes them. */
    public static Table table(String name, TableElement... elements) {
        return Table.of(name, elements);
    }

    public static ColumnType rawType(String type) {
        return ColumnType.raw(type);
    }

    public static Column column(String name, ColumnType type) {
        return Column.of(name, type);
    }

    public static PrimaryKey primaryKey(String name, String... columns) {
        return new PrimaryKey(name, List.of(columns));
    }

    public static UniqueConstraint unique(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns));
    }

    public static CheckConstraint check(String name, String condition) {
        return new CheckConstraint(name, condition);
    }

    /** Starts a foreign key; finish it with {@link ForeignKeyStart#references(String, String...)}. */
    public static ForeignKeyStart foreignKey(String name, String... columns) {
        return new ForeignKeyStart(name, List.of(columns));
    }

    public record ForeignKeyStart(String name, List<String> columns) {
        public ForeignKey references(String table, String... referencedColumns) {
            return new ForeignKey(name, columns, null, table, List.of(referencedColumns), null, null, false, false);
        }
    }

    public static Index index(String name, String table, String... columns) {
        return new Index(name, null, table, List.of(columns), false, null);
    }

    public static Index uniqueIndex(String name, String table, String... columns) {
        return new Index(name, null, table, List.of(columns), true, null);
    }

    /**
     * An index entry over the first {@code length} characters of {@code column}, {@code email(191)}:
     * MySQL and MariaDB index the prefix (a key is at most 3072 bytes, 768 utf8mb4 characters);
     * other databases index the whole column.
     */
    public static String prefix(String column, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("The prefix length of index column " + column + " must be at least 1");
        }
        return column + "(" + length + ")";
    }

    public static Sequence sequence(String name) {
        return Sequence.named(name);
    }

    /** A named enum type with its values in order: {@code enumType("order_status", "NEW", "PAID")}. */
    public static EnumType enumType(String name, String... values) {
        return EnumType.named(name, List.of(values));
    }

    /**
     * A Java value as a SQL literal, for server defaults and checks: strings are quoted with quotes
     * doubled, numbers and booleans written plainly, dates in ISO form.
     */
    public static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Number n) {
            String text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
            if (!text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                throw new IllegalArgumentException("Not a finite number: " + text);
            }
            return text;
        }
        if (value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof LocalTime
                || value instanceof java.util.UUID
                || value instanceof CharSequence
                || value instanceof Enum<?>) {
            return "'" + value.toString().replace("'", "''") + "'";
        }
        throw new IllegalArgumentException(
                "No SQL literal for " + value.getClass().getName() + "; write the expression as a string");
    }
}
