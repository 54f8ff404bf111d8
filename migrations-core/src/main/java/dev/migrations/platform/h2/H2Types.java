package dev.migrations.platform.h2;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.ColumnType;
import java.util.Locale;

/** H2's {@code INFORMATION_SCHEMA.COLUMNS} descriptions read back as the portable types {@code H2Ddl} renders. */
final class H2Types {

    private H2Types() {}

    /** H2's INFORMATION_SCHEMA.COLUMNS description, as {@code H2Ddl} renders it. */
    static ColumnType of(String dataType, Long length, Integer precision, Integer scale, Integer fraction) {
        String t = dataType.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "TINYINT" -> ColumnType.TINYINT;
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
            case "CHARACTER VARYING" ->
                length == null || length >= Integer.MAX_VALUE
                        ? new ColumnType(ColumnType.Kind.VARCHAR, null, null, null, null)
                        : ColumnType.varchar(length.intValue());
            case "CHARACTER" -> ColumnType.character(length == null ? 1 : length.intValue());
            case "BINARY VARYING" ->
                length == null || length >= Integer.MAX_VALUE
                        ? ColumnType.BINARY
                        : ColumnType.binary(length.intValue());
            case "NUMERIC", "DECIMAL" ->
                precision == null
                        ? new ColumnType(ColumnType.Kind.DECIMAL, null, null, null, null)
                        : ColumnType.decimal(precision, scale == null ? 0 : scale);
            case "TIME" -> TypeNames.withPrecision(ColumnType.Kind.TIME, fraction);
            case "TIMESTAMP" -> TypeNames.withPrecision(ColumnType.Kind.TIMESTAMP, fraction);
            case "TIMESTAMP WITH TIME ZONE" -> TypeNames.withPrecision(ColumnType.Kind.TIMESTAMP_TZ, fraction);
            default ->
                ColumnType.raw(
                        length != null
                                        && length < Integer.MAX_VALUE
                                        && !t.contains("(")
                                        && (t.contains("CHAR") || t.contains("BINARY"))
                                ? t + "(" + length + ")"
                                : t);
        };
    }
}
