package dev.migrations.platform.sqlite;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQLite: ALTER TABLE can only add a plain column and rename, so every other change to a table is
 * made by rebuilding it ({@link SqliteRebuilder}), which the executor asks first; this renderer
 * refuses such changes. A sequence is Hibernate's one-row table, and comments are not stored.
 */
final class SqliteDdl extends DdlRenderer {

    SqliteDdl(SqliteSql dialect) {
        super(SqlitePlatform.ID, dialect);
    }

    /**
     * SQLite has no sequences; Hibernate's SQLite dialect keeps one as a one-row table of the same
     * name ({@code next_val}, seeded with the start value), and so does this, so that a file
     * generated where sequences exist builds here what Hibernate uses. The increment lives in the
     * entity's {@code allocationSize} then; bounds and cycling cannot be kept and are refused.
     */
    @Override
    public List<String> createSequence(CreateSequence op) {
        Sequence s = op.sequence();
        if (s.minValue() != null || s.maxValue() != null || Boolean.TRUE.equals(s.cycle())) {
            throw noSequences(op);
        }
        String table = table(s.schema(), s.name());
        return List.of(
                "CREATE TABLE " + table + " (" + id("next_val") + " BIGINT)",
                "INSERT INTO " + table + " VALUES (" + (s.start() == null ? 1 : s.start()) + ")");
    }

    /** The increment and cache are the entity's business on a table-backed sequence: nothing to run. */
    @Override
    public List<String> alterSequence(AlterSequence op) {
        if (op.minValue() != null || op.maxValue() != null || op.cycle() != null) {
            throw noSequences(op);
        }
        return op.restartWith() == null
                ? List.of()
                : List.of("UPDATE " + table(op.schema(), op.name()) + " SET " + id("next_val") + " = "
                        + op.restartWith());
    }

    @Override
    public List<String> dropSequence(DropSequence op) {
        return List.of("DROP TABLE " + table(op.schema(), op.name()));
    }

    private static UnsupportedOperationException noSequences(Operation op) {
        return new UnsupportedOperationException("SQLite has no sequences (" + op.describe() + "): a sequence"
                + " becomes Hibernate's one-row table, which keeps no bounds and does not cycle; leave those"
                + " options out, or give this step in executeOn(\"postgresql,h2\", ...) for the other databases");
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        throw rebuildOnly(op);
    }

    @Override
    public List<String> addConstraint(AddConstraint op) {
        throw rebuildOnly(op);
    }

    @Override
    public List<String> dropConstraint(DropConstraint op) {
        throw rebuildOnly(op);
    }

    private static IllegalStateException rebuildOnly(Operation op) {
        return new IllegalStateException(op.describe() + " needs a table rebuild on SQLite");
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
            // as Hibernate's SQLite dialect declares them, so both sides of a comparison read the same
            case BINARY, BLOB, UUID -> "BLOB";
            case JSON -> "CLOB";
            case RAW -> t.raw();
            default -> t.kind().name();
        };
    }

    /** An identity column is SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT}, the rowid itself. */
    @Override
    public String tableBody(Table t) {
        Table n = t.normalized();
        Optional<Column> identity =
                n.columns().stream().filter(Column::isIdentity).findFirst();
        Optional<PrimaryKey> pk = n.primaryKey();
        if (identity.isPresent()
                && (pk.isEmpty()
                        || !pk.get().columns().equals(List.of(identity.get().name())))) {
            throw new UnsupportedOperationException("Table " + t.name() + ": SQLite generates values only for a"
                    + " single-column INTEGER PRIMARY KEY, so identity column "
                    + identity.get().name()
                    + " must be the whole primary key");
        }
        List<String> parts = new ArrayList<>();
        for (Column c : n.columns()) {
            if (c.isIdentity()) {
                String name = pk.get().name() == null
                        ? ""
                        : " CONSTRAINT " + id(pk.get().name());
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
    public List<String> addColumn(AddColumn o) {
        if (SqliteRebuilder.rebuilds(o)) {
            throw rebuildOnly(o);
        }
        Column c = o.column();
        String definition = columnDefinition(c) + (c.references() == null ? "" : " " + references(c.references()));
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " ADD COLUMN " + definition);
    }

    @Override
    public List<String> alterColumn(AlterColumn o) {
        if (SqliteRebuilder.rebuilds(o)) {
            throw rebuildOnly(o);
        }
        return o.newName() == null ? List.of() : List.of(renameColumn(o.schema(), o.table(), o.column(), o.newName()));
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
