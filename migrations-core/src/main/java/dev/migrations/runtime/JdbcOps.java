package dev.migrations.runtime;

import dev.migrations.api.Ops;
import dev.migrations.script.StatementFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Operations run online on the migrating connection, inside the revision's transaction. */
final class JdbcOps implements Ops {

    private final Connection connection;
    private final Dialect dialect;

    JdbcOps(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, null, e);
        }
    }

    @Override
    public int update(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, null, e);
        }
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String database() {
        return dialect.id();
    }

    @Override
    public boolean offline() {
        return false;
    }
}
