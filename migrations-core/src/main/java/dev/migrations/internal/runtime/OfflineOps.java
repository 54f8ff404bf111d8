package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.TableChanges;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.TableRebuilder;
import dev.migrations.schema.Table;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

/**
 * Operations written to a SQL script instead of run: the {@code --sql} mode. Nothing can be read
 * from a database, so where changes rebuild tables (SQLite) the definitions of tables created
 * earlier in the same script are tracked here; that is what a rebuild works from.
 */
final class OfflineOps extends OperationExecutor {

    private final StringBuilder out;
    private final Map<String, Table> created = new HashMap<>();

    OfflineOps(StringBuilder out, DatabasePlatform platform) {
        super(platform);
        this.out = out;
    }

    /** Starts from {@code table} as the database holds it (autogenerate read it), so it can be rebuilt. */
    void know(Table table) {
        created.put(table.name(), table.normalized());
    }

    /** The tables as the script leaves them, where they are followed. */
    java.util.Collection<Table> known() {
        return created.values();
    }

    @Override
    protected TableRebuilder.Rebuild startRebuild(Operation operation) {
        Table known = created.get(operation.table());
        if (known == null) {
            throw new MigrationsException(operation.describe() + " needs a rebuild of " + platform.displayName()
                    + " table "
                    + operation.table() + ", which starts from the table's current definition. Offline, that is"
                    + " known only for tables created by the revisions in the same script: generate the script"
                    + " from an earlier revision (or from base), or run this revision online.");
        }
        return rebuilder.start(known);
    }

    @Override
    protected void runRebuild(TableRebuilder.Rebuild rebuild) {
        out.append("-- rebuild of table ")
                .append(rebuild.table())
                .append(": ")
                .append(String.join(", ", rebuild.described()))
                .append('\n');
        rebuild.statements().forEach(this::write);
        created.put(rebuild.table(), rebuild.target());
    }

    @Override
    protected void perform(Operation operation) {
        ddl.render(operation).forEach(this::write);
        if (rebuilder != null) {
            track(operation);
        }
    }

    /**
     * Keeps the definitions a later rebuild starts from. A change the model cannot follow (an index
     * made with raw SQL, say) makes the table unknown rather than failing the script.
     */
    private void track(Operation operation) {
        try {
            follow(operation);
        } catch (IllegalArgumentException e) {
            created.remove(operation.table());
        }
    }

    private void follow(Operation operation) {
        if (operation instanceof CreateTable c) {
            created.put(c.definition().name(), c.definition().normalized());
        } else if (operation instanceof DropTable d) {
            created.remove(d.table());
        } else if (operation instanceof RenameTable r && created.containsKey(r.table())) {
            created.put(r.newName(), TableChanges.apply(created.remove(r.table()), r));
        } else if (operation.table() != null
                && created.containsKey(operation.table())
                && TableChanges.folds(operation, operation.table())) {
            created.put(operation.table(), TableChanges.apply(created.get(operation.table()), operation));
        }
    }

    private void write(String sql) {
        String s = sql.strip();
        out.append(s);
        if (!s.endsWith(";")) {
            out.append(';');
        }
        out.append("\n\n");
    }

    /** Runs the collected rebuild before the revision's version-table writes. */
    void finish() {
        flush();
    }

    /**
     * A statement without parameters is written like any other (the row count is unknown offline: 0);
     * one with parameters cannot be, since nothing binds them.
     */
    @Override
    public int update(String sql, Object... parameters) {
        if (parameters.length == 0) {
            flush();
            write(sql);
            return 0;
        }
        throw new MigrationsException("ops.update binds " + parameters.length + " parameter(s), which offline (--sql)"
                + " mode cannot do: write the values into the SQL (ops.execute) or use ops.bulkInsert, or run this"
                + " revision online.");
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        throw noConnection("reads data with ops.query");
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        throw noConnection("writes data with ops.batch");
    }

    @Override
    public Connection connection() {
        throw noConnection("uses the JDBC connection");
    }

    private static MigrationsException noConnection(String what) {
        return new MigrationsException("No database connection in offline (--sql) mode: this revision " + what
                + ", so it can only run online.");
    }

    @Override
    public boolean offline() {
        return true;
    }
}
