package dev.migrations.platform.h2;

import dev.migrations.platform.DdlRenderer;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Index;

/** H2 2.x: standard SQL types, no partial indexes, no deferrable constraints. */
final class H2Ddl extends DdlRenderer {

    H2Ddl(H2Sql dialect) {
        super(H2Platform.ID, dialect);
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case VARCHAR, TEXT -> t.length() == null ? "CHARACTER VARYING" : "CHARACTER VARYING(" + t.length() + ")";
            case CHAR -> "CHARACTER(" + (t.length() == null ? 1 : t.length()) + ")";
            case CLOB -> "CHARACTER LARGE OBJECT";
            case DECIMAL -> t.precision() == null ? "NUMERIC" : "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME" + fraction(t);
            case TIMESTAMP -> "TIMESTAMP" + fraction(t);
            case TIMESTAMP_TZ -> "TIMESTAMP" + fraction(t) + " WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> t.length() == null ? "BINARY VARYING" : "BINARY VARYING(" + t.length() + ")";
            case BLOB -> "BINARY LARGE OBJECT";
            case JSON -> "JSON";
            case RAW -> t.raw();
        };
    }

    @Override
    protected String partialIndexCondition(Index index) {
        throw new UnsupportedOperationException("H2 has no partial indexes (index " + index.name() + " WHERE "
                + index.where() + "); create it with executeOn(\"postgresql,sqlite\", ...) or drop the condition");
    }

    @Override
    protected String deferrable(boolean deferrable, boolean initiallyDeferred, String what) {
        if (deferrable) {
            throw new UnsupportedOperationException("H2 has no deferrable constraints (a deferrable " + what + ")");
        }
        return "";
    }

    @Override
    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "ALTER TABLE " + table(schema, tableName) + " ALTER COLUMN " + id(column) + " RENAME TO " + id(newName);
    }
}
