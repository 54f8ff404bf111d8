package dev.migrations.runtime;

import dev.migrations.MigrationsException;
import dev.migrations.api.Ops;
import java.sql.Connection;

/** Operations written to a SQL script instead of run: the {@code --sql} mode. */
final class OfflineOps implements Ops {

    private final StringBuilder out;
    private final Dialect dialect;

    OfflineOps(StringBuilder out, Dialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    @Override
    public void execute(String sql) {
        String s = sql.strip();
        out.append(s);
        if (!s.endsWith(";")) {
            out.append(';');
        }
        out.append("\n\n");
    }

    @Override
    public int update(String sql, Object... parameters) {
        throw new MigrationsException("Bind parameters are not allowed in offline (--sql) mode; write the values"
                + " into the SQL with ops.execute, or run this revision online.");
    }

    @Override
    public Connection connection() {
        throw new MigrationsException("No database connection in offline (--sql) mode: this revision reads or writes"
                + " data through JDBC, so it can only run online.");
    }

    @Override
    public String database() {
        return dialect.id();
    }

    @Override
    public boolean offline() {
        return true;
    }
}
