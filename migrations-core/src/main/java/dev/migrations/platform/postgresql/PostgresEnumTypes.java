package dev.migrations.platform.postgresql;

import dev.migrations.ops.AddEnumValue;
import dev.migrations.ops.CreateEnumType;
import dev.migrations.ops.DropEnumType;
import dev.migrations.ops.DropEnumValue;
import dev.migrations.ops.EnumTypeOperation;
import dev.migrations.ops.RenameEnumType;
import dev.migrations.platform.SqlDialect;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's named enum types: {@code CREATE TYPE ... AS ENUM}, {@code ALTER TYPE ... ADD VALUE}
 * (with {@code IF NOT EXISTS}, so that a run that stopped after it can run again), rename and drop.
 * PostgreSQL cannot take a value out of a type: {@link DropEnumValue} creates the type again
 * without it under a temporary name, converts every column of the old type through text, drops the
 * old type and gives the new one its name, all in one statement. A row that still holds the value
 * makes the conversion fail and the statement change nothing. A column whose default is of the
 * type must lose its default first (PostgreSQL does not convert a default between enum types).
 */
final class PostgresEnumTypes {

    private final SqlDialect sql;

    PostgresEnumTypes(SqlDialect sql) {
        this.sql = sql;
    }

    List<String> render(EnumTypeOperation op) {
        String type = sql.identifier(op.schema(), op.name());
        if (op instanceof CreateEnumType c) {
            return List.of(
                    "CREATE TYPE " + type + " AS ENUM (" + literals(c.type().values()) + ")");
        }
        if (op instanceof DropEnumType) {
            return List.of("DROP TYPE " + type);
        }
        if (op instanceof RenameEnumType r) {
            return List.of("ALTER TYPE " + type + " RENAME TO " + sql.identifier(r.newName()));
        }
        if (op instanceof AddEnumValue a) {
            String position = a.before() != null
                    ? " BEFORE " + sql.literal(a.before())
                    : a.after() != null ? " AFTER " + sql.literal(a.after()) : "";
            return List.of("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + sql.literal(a.value()) + position);
        }
        return List.of(dropValue((DropEnumValue) op, type));
    }

    private String dropValue(DropEnumValue d, String type) {
        String temporary = sql.identifier(d.schema(), d.name() + "__recreated");
        // inside format(): quotes doubled, percent signs escaped
        String inFormat = temporary.replace("'", "''").replace("%", "%%");
        String value = sql.literal(d.value());
        String message = sql.literal("Cannot drop value " + d.value().replace("%", "%%") + " from enum type "
                + d.name().replace("%", "%%") + ": % row(s) of %.% hold it; update or delete them first");
        return "DO $$ DECLARE c record; n bigint; BEGIN"
                + " EXECUTE 'CREATE TYPE " + temporary.replace("'", "''") + " AS ENUM ('"
                + " || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e"
                + " WHERE e.enumtypid = " + sql.literal(type) + "::regtype AND e.enumlabel <> " + value + ") || ')';"
                + " FOR c IN SELECT a.attrelid::regclass AS tbl, a.attname FROM pg_attribute a"
                + " JOIN pg_class r ON r.oid = a.attrelid WHERE a.atttypid = " + sql.literal(type) + "::regtype"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p') AND NOT r.relispartition LOOP"
                + " EXECUTE format('SELECT count(*) FROM %s WHERE %I::text = %L', c.tbl, c.attname, " + value
                + ") INTO n;"
                + " IF n > 0 THEN RAISE EXCEPTION " + message + ", n, c.tbl, c.attname; END IF;"
                + " EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE " + inFormat + " USING %I::text::" + inFormat
                + "', c.tbl, c.attname, c.attname);"
                + " END LOOP;"
                + " DROP TYPE " + type + ";"
                + " ALTER TYPE " + temporary + " RENAME TO " + sql.identifier(d.name()) + ";"
                + " END $$";
    }

    private String literals(List<String> values) {
        return values.stream().map(sql::literal).collect(Collectors.joining(", "));
    }
}
