package dev.migrations.ddl;

import dev.migrations.schema.ColumnType;

/** Standard SQL for databases without their own renderer yet (MySQL/MariaDB and others). */
final class StandardDdl extends DdlRenderer {

    StandardDdl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case VARCHAR -> "VARCHAR(" + (t.length() == null ? 255 : t.length()) + ")";
            case CHAR -> "CHAR(" + (t.length() == null ? 1 : t.length()) + ")";
            case DECIMAL -> t.precision() == null ? "DECIMAL" : "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case DOUBLE -> "DOUBLE PRECISION";
            case FLOAT -> "REAL";
            case TIME -> "TIME" + PostgresDdl.fraction(t);
            case TIMESTAMP -> "TIMESTAMP" + PostgresDdl.fraction(t);
            case TIMESTAMP_TZ -> "TIMESTAMP" + PostgresDdl.fraction(t) + " WITH TIME ZONE";
            case BINARY -> t.length() == null ? "BLOB" : "VARBINARY(" + t.length() + ")";
            case UUID -> "CHAR(36)";
            case RAW -> t.raw();
            default -> t.kind().name();
        };
    }
}
