package dev.migrations.platform;

import dev.migrations.schema.ColumnType;

/** Standard SQL for databases without a platform of their own. */
final class StandardDdl extends DdlRenderer {

    StandardDdl(SqlDialect dialect) {
        super("generic", dialect);
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case VARCHAR -> "VARCHAR(" + (t.length() == null ? 255 : t.length()) + ")";
            case CHAR -> "CHAR(" + (t.length() == null ? 1 : t.length()) + ")";
            case DECIMAL -> t.precision() == null ? "DECIMAL" : "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case DOUBLE -> "DOUBLE PRECISION";
            case FLOAT -> "REAL";
            case TIME -> "TIME" + fraction(t);
            case TIMESTAMP -> "TIMESTAMP" + fraction(t);
            case TIMESTAMP_TZ -> "TIMESTAMP" + fraction(t) + " WITH TIME ZONE";
            case BINARY -> t.length() == null ? "BLOB" : "VARBINARY(" + t.length() + ")";
            case UUID -> "CHAR(36)";
            case RAW -> t.raw();
            default -> t.kind().name();
        };
    }
}
