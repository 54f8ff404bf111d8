package dev.migrations.ddl;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQLite: ALTER TABLE can only add a plain column and rename, so every other change to a table is
 * done by rebuilding it ({@link SqliteRebuild}); the executor asks {@link #needsRebuild} first.
 * There are no sequences, and comments are not stored.
 */
final class SqliteDdl extends DdlRenderer {

    /** Defaults SQLite accepts in ADD COLUMN: constants, not CURRENT_TIMESTAMP or expressions. */
    private static final Pattern CONSTANT = Pattern.compile(
            "(?i)[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|'([^']|'')*'|NULL|TRUE|FALSE|X'[0-9a-fA-F]*'");

    SqliteDdl() {
        super(Dialect.SQLITE);
    }

    @Override
    public boolean needsRebuild(Operation op) {
        if (op instanceof AddColumn o) {
            Column c = o.column();
            boolean constantDefault = c.serverDefault() == null || CONSTANT.matcher(c.serverDefault()).matches();
            return c.isPrimaryKey() || c.isUnique() || c.isIdentity() || !constantDefault
                    || (!c.nullable() && c.serverDefault() == null)
                    || (c.references() != null && c.serverDefault() != null);
        }
        if (op instanceof AlterColumn o) {
            return o.type() != null || o.nullable() != null || o.serverDefault() != null;
        }
        return op instanceof DropColumn || op instanceof AddConstraint || op instanceof DropConstraint;
    }

    @Override
    public List<String> render(Operation op) {
        if (needsRebuild(op)) {
            throw new IllegalStateException(op.describe() + " needs a table rebuild on SQLite");
        }
        if (op instanceof CreateSequence || op instanceof AlterSequence || op instanceof DropSequence) {
            throw new UnsupportedOperationException("SQLite has no sequences (" + op.describe() + "); use an"
                    + " identity column, or executeOn(\"postgresql,h2\", ...) for the other databases");
        }
        return super.render(op);
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case VARCHAR -> t.length() == null ? "VARCHAR" : "VARCHAR(" + t.length() + ")";
            case CHAR -> "CHAR(" + (t.length() == null ? 1 : t.length()) + ")";
            case DECIMAL -> t.precision() == null ? "NUMERIC" : "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP, TIMESTAMP_TZ -> "TIMESTAMP";
            case BINARY, BLOB -> "BLOB";
            case RAW -> t.raw();
            default -> t.kind().name();
        };
    }

    /** An identity column is SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT}, the rowid itself. */
    @Override
    public String tableBody(Table t) {
        Table n = t.normalized();
        Optional<Column> identity = n.columns().stream().filter(Column::isIdentity).findFirst();
        Optional<PrimaryKey> pk = n.primaryKey();
        if (identity.isPresent() && (pk.isEmpty() || !pk.get().columns().equals(List.of(identity.get().name())))) {
            throw new UnsupportedOperationException("Table " + t.name() + ": SQLite generates values only for a"
                    + " single-column INTEGER PRIMARY KEY, so identity column " + identity.get().name()
                    + " must be the whole primary key");
        }
        List<String> parts = new ArrayList<>();
        for (Column c : n.columns()) {
            if (c.isIdentity()) {
                String name = pk.get().name() == null ? "" : " CONSTRAINT " + id(pk.get().name());
                parts.add(id(c.name()) + " INTEGER" + name + " PRIMARY KEY AUTOINCREMENT");
            } else {
                parts.add(columnDefinition(c));
            }
        }
        for (Constraint c : n.constraints()) {
            if (!(identity.isPresent() && c instanceof PrimaryKey)) {
                parts.add(constraint(c));
            }
        }
        return String.join(", ", parts);
    }

    /** A plain column; SQLite takes a foreign key inline here but no other constraint. */
    @Override
    protected List<String> addColumn(AddColumn o) {
        Column c = o.column();
        String definition = columnDefinition(c) + (c.references() == null ? "" : " " + references(c.references()));
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " ADD COLUMN " + definition);
    }

    @Override
    protected List<String> alterColumn(AlterColumn o) {
        return o.newName() == null ? List.of() : List.of(renameColumn(o.schema(), o.table(), o.column(),
                o.newName()));
    }

    @Override
    protected List<String> tableComment(String schema, String tableName, String comment) {
        return List.of();
    }

    @Override
    protected List<String> columnComment(String schema, String tableName, String column, String comment) {
        return List.of();
    }

    @Override
    protected String deferrable(boolean deferrable, boolean initiallyDeferred, String what) {
        if (deferrable && !what.equals("foreign key")) {
            throw new UnsupportedOperationException("SQLite can defer only foreign keys, not a " + what);
        }
        return super.deferrable(deferrable, initiallyDeferred, what);
    }
}
