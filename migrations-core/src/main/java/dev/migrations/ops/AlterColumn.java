package dev.migrations.ops;

import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes one column. A null field means "leave as it is"; for the server default and the comment,
 * {@code Optional.empty()} means "remove". {@code existing} is the column as it was, which makes
 * the change reversible (and lets a SQLite rebuild skip reading it).
 *
 * @param using PostgreSQL's {@code USING} expression for a type change, or null
 */
public record AlterColumn(
        String schema,
        String table,
        String column,
        ColumnType type,
        String using,
        Boolean nullable,
        Optional<String> serverDefault,
        String newName,
        Optional<String> comment,
        Column existing)
        implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }

    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    public static AlterColumn of(String schema, String table, String column) {
        return new AlterColumn(schema, table, column, null, null, null, null, null, null, null);
    }

    public AlterColumn type(ColumnType newType) {
        return new AlterColumn(
                schema, table, column, newType, using, nullable, serverDefault, newName, comment, existing);
    }

    /** A type change with PostgreSQL's {@code USING} conversion, e.g. {@code "amount::numeric(10,2)"}. */
    public AlterColumn type(ColumnType newType, String usingExpression) {
        return new AlterColumn(
                schema, table, column, newType, usingExpression, nullable, serverDefault, newName, comment, existing);
    }

    public AlterColumn nullable(boolean value) {
        return new AlterColumn(schema, table, column, type, using, value, serverDefault, newName, comment, existing);
    }

    public AlterColumn serverDefault(String sqlExpression) {
        return new AlterColumn(
                schema,
                table,
                column,
                type,
                using,
                nullable,
                Optional.ofNullable(sqlExpression),
                newName,
                comment,
                existing);
    }

    public AlterColumn dropServerDefault() {
        return serverDefault(null);
    }

    public AlterColumn rename(String name) {
        return new AlterColumn(schema, table, column, type, using, nullable, serverDefault, name, comment, existing);
    }

    /** Sets the column's comment; null removes it. */
    public AlterColumn comment(String text) {
        return new AlterColumn(
                schema,
                table,
                column,
                type,
                using,
                nullable,
                serverDefault,
                newName,
                Optional.ofNullable(text),
                existing);
    }

    /** The column as it is before this change: makes the change reversible. */
    public AlterColumn existing(Column before) {
        return new AlterColumn(schema, table, column, type, using, nullable, serverDefault, newName, comment, before);
    }

    /** The column after this change. */
    public Column applyTo(Column before) {
        Column after = before;
        if (type != null) {
            after = after.type(type);
        }
        if (nullable != null) {
            after = after.nullable(nullable);
        }
        if (serverDefault != null) {
            after = after.serverDefault(serverDefault.orElse(null));
        }
        if (comment != null) {
            after = after.comment(comment.orElse(null));
        }
        if (newName != null) {
            after = after.named(newName);
        }
        return after;
    }

    public boolean changesOnlyName() {
        return type == null && nullable == null && serverDefault == null && comment == null;
    }

    @Override
    public Optional<Operation> reverse() {
        if (existing == null && !changesOnlyName()) {
            return Optional.empty();
        }
        String current = newName != null ? newName : column;
        AlterColumn back = of(schema, table, current);
        if (newName != null) {
            back = back.rename(column);
        }
        if (existing != null) {
            if (type != null) {
                back = back.type(existing.type());
            }
            if (nullable != null) {
                back = back.nullable(existing.nullable());
            }
            if (serverDefault != null) {
                back = back.serverDefault(existing.serverDefault());
            }
            if (comment != null) {
                back = back.comment(existing.comment());
            }
            back = back.existing(applyTo(existing));
        }
        return Optional.of(back);
    }

    @Override
    public String describe() {
        return "alter column " + table + "." + column;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: give the column as it was with .existing(column(...))";
    }
}
