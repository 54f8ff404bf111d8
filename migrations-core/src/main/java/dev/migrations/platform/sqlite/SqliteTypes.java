package dev.migrations.platform.sqlite;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;

/** SQLite's declared types read back as the portable types {@code SqliteDdl} renders. */
final class SqliteTypes {

    private SqliteTypes() {}

    /** A SQLite declared type, as {@code SqliteDdl} renders the portable ones; anything else stays raw. */
    static ColumnType of(String declared) {
        String t = declared.strip().toUpperCase(Locale.ROOT);
        switch (t) {
            case "TINYINT":
                return ColumnType.TINYINT;
            case "SMALLINT":
                return ColumnType.SMALLINT;
            case "INTEGER":
                return ColumnType.INTEGER;
            case "BIGINT":
                return ColumnType.BIGINT;
            case "BOOLEAN":
                return ColumnType.BOOLEAN;
            case "TEXT":
                return ColumnType.TEXT;
            case "REAL":
                return ColumnType.FLOAT;
            case "DOUBLE", "FLOAT": // FLOAT is Hibernate's name for a double on SQLite
                return ColumnType.DOUBLE;
            case "DATE":
                return ColumnType.DATE;
            case "TIME":
                return ColumnType.TIME;
            case "TIMESTAMP":
                return ColumnType.TIMESTAMP;
            case "UUID":
                return ColumnType.UUID;
            case "BLOB":
                return ColumnType.BLOB;
            case "CLOB":
                return ColumnType.CLOB;
            case "JSON":
                return ColumnType.JSON;
            case "VARCHAR":
                return new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null);
            case "NUMERIC":
                return new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null);
            default:
                break;
        }
        Matcher m = TypeNames.SIZED.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches() && m.group(4).isBlank()) {
            int first = Integer.parseInt(m.group(2));
            switch (m.group(1).strip()) {
                case "varchar":
                    return ColumnType.varchar(first);
                case "char":
                    return ColumnType.character(first);
                case "numeric":
                    return ColumnType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                // SQLite keeps no fractional-second precision: time(0) and time are the same column
                case "time":
                    return ColumnType.TIME;
                case "timestamp":
                    return ColumnType.TIMESTAMP;
                default:
                    break;
            }
        }
        return ColumnType.raw(t);
    }
}
