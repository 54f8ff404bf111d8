package dev.migrations.platform.postgresql;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.PrimaryKey;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL: native types (jsonb, uuid, bytea), USING on type changes, CONCURRENTLY indexes. */
final class PostgresDdl extends DdlRenderer {

    PostgresDdl(PostgresSql dialect) {
        super(PostgresPlatform.ID, dialect);
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case VARCHAR -> t.length() == null ? "varchar" : "varchar(" + t.length() + ")";
            case CHAR -> "char(" + (t.length() == null ? 1 : t.length()) + ")";
            case TEXT, CLOB -> "text";
            case DECIMAL -> t.precision() == null ? "numeric" : "numeric(" + t.precision() + "," + t.scale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case DATE -> "date";
            case TIME -> "time" + fraction(t);
            case TIMESTAMP -> "timestamp" + fraction(t);
            case TIMESTAMP_TZ -> "timestamp" + fraction(t) + " with time zone";
            case UUID -> "uuid";
            case BINARY, BLOB -> "bytea";
            case JSON -> "jsonb";
            case RAW -> t.raw();
        };
    }

    /** All attribute changes in one ALTER TABLE, so the table is locked (and maybe rewritten) once. */
    @Override
    public List<String> alterColumn(AlterColumn o) {
        String column = "ALTER COLUMN " + id(o.column()) + " ";
        List<String> actions = new ArrayList<>();
        if (o.type() != null) {
            actions.add(column + "TYPE " + type(o.type()) + (o.using() == null ? "" : " USING " + o.using()));
        }
        if (o.nullable() != null) {
            actions.add(column + (o.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (o.serverDefault() != null) {
            actions.add(column + o.serverDefault().map(d -> "SET DEFAULT " + d).orElse("DROP DEFAULT"));
        }
        List<String> out = new ArrayList<>();
        if (!actions.isEmpty()) {
            out.add("ALTER TABLE " + table(o.schema(), o.table()) + " " + String.join(", ", actions));
        }
        if (o.comment() != null) {
            out.addAll(
                    columnComment(o.schema(), o.table(), o.column(), o.comment().orElse(null)));
        }
        if (o.newName() != null) {
            out.add(renameColumn(o.schema(), o.table(), o.column(), o.newName()));
        }
        return out;
    }

    @Override
    protected String concurrentlyKeyword() {
        return "CONCURRENTLY ";
    }

    /** {@code NOT VALID} skips the check of existing rows; {@code USING INDEX} takes over a built index. */
    @Override
    public List<String> addConstraint(AddConstraint o) {
        if (o.usingIndex() != null) {
            return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " ADD CONSTRAINT "
                    + id(o.constraint().name()) + (o.constraint() instanceof PrimaryKey ? " PRIMARY KEY" : " UNIQUE")
                    + " USING INDEX " + id(o.usingIndex()));
        }
        List<String> plain = super.addConstraint(o);
        return o.notValid() ? List.of(plain.get(0) + " NOT VALID") : plain;
    }

    @Override
    public List<String> validateConstraint(ValidateConstraint o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " VALIDATE CONSTRAINT " + id(o.name()));
    }
}
