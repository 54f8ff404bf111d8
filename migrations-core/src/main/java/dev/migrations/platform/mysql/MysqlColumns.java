package dev.migrations.platform.mysql;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code information_schema.COLUMNS} rows as the engine's columns. The two servers spell defaults
 * differently: MariaDB gives the default as SQL ({@code 'new'}, {@code 0}, {@code current_timestamp()},
 * and the word {@code NULL} for none), MySQL gives a literal's bare text and marks expressions
 * {@code DEFAULT_GENERATED} in {@code EXTRA}.
 */
final class MysqlColumns {

    static final String SELECT = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
            + " COLUMN_COMMENT, DATA_TYPE FROM information_schema.COLUMNS";

    private MysqlColumns() {}

    /** One column of one table, or empty when it does not exist. */
    static Optional<Column> read(Connection connection, String schema, String table, String column)
            throws SQLException {
        Flavour flavour = Flavour.of(connection);
        try (PreparedStatement s = connection.prepareStatement(
                SELECT + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(of(rs, flavour, false)) : Optional.empty();
            }
        }
    }

    /** A row of {@link #SELECT}; {@code json} when a MariaDB {@code json_valid} check marks it JSON. */
    static Column of(ResultSet rs, Flavour flavour, boolean json) throws SQLException {
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
        boolean identity = extra.contains("auto_increment");
        String comment = rs.getString(7);
        ColumnType type = json ? ColumnType.JSON : type(rs.getString(3));
        return new Column(
                rs.getString(2),
                type,
                "YES".equals(rs.getString(4)),
                identity ? null : defaultOf(rs.getString(5), extra, rs.getString(8), flavour),
                identity,
                false,
                false,
                null,
                comment == null || comment.isEmpty() ? null : comment);
    }

    private static String defaultOf(String value, String extra, String dataType, Flavour flavour) {
        if (value == null) {
            return null;
        }
        if (flavour == Flavour.MARIADB) {
            return value.equals("NULL") ? null : value;
        }
        if (extra.contains("default_generated")) {
            return value.startsWith("(") || value.toLowerCase(Locale.ROOT).startsWith("current_timestamp")
                    ? value
                    : "(" + value + ")";
        }
        String t = dataType.toLowerCase(Locale.ROOT);
        boolean numeric =
                t.contains("int") || t.equals("decimal") || t.equals("float") || t.equals("double") || t.equals("bit");
        return numeric ? value : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** {@code COLUMN_TYPE} as the portable type {@code MysqlDdl} renders; anything else stays raw. */
    static ColumnType type(String columnType) {
        String t = columnType.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "bit(1)", "tinyint(1)": // Hibernate's boolean, and BOOLEAN's own spelling
                return ColumnType.BOOLEAN;
            case "tinyint", "tinyint(4)":
                return ColumnType.TINYINT;
            case "smallint", "smallint(6)":
                return ColumnType.SMALLINT;
            case "int", "int(11)":
                return ColumnType.INTEGER;
            case "bigint", "bigint(20)":
                return ColumnType.BIGINT;
            case "text":
                return ColumnType.TEXT;
            case "longtext":
                return ColumnType.CLOB;
            case "float":
                return ColumnType.FLOAT;
            case "double":
                return ColumnType.DOUBLE;
            case "date":
                return ColumnType.DATE;
            case "time":
                return ColumnType.TIME;
            case "datetime":
                return ColumnType.TIMESTAMP;
            case "longblob":
                return ColumnType.BLOB;
            case "json":
                return ColumnType.JSON;
            case "uuid":
                return ColumnType.UUID;
            default:
                break;
        }
        Matcher m = TypeNames.SIZED.matcher(t);
        if (m.matches() && m.group(4).isBlank()) {
            int first = Integer.parseInt(m.group(2));
            switch (m.group(1).strip()) {
                case "varchar":
                    return ColumnType.varchar(first);
                case "char":
                    return ColumnType.character(first);
                case "varbinary":
                    return ColumnType.binary(first);
                case "decimal":
                    return ColumnType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                case "time":
                    return TypeNames.withPrecision(ColumnType.Kind.TIME, first);
                case "datetime":
                    return TypeNames.withPrecision(ColumnType.Kind.TIMESTAMP, first);
                default:
                    break;
            }
        }
        // ENUM and SET values keep their case: the downgrade must restore the labels as they were
        return ColumnType.raw(t.startsWith("enum(") || t.startsWith("set(") ? columnType.strip() : t);
    }
}
