package dev.migrations.platform.mysql;

import dev.migrations.api.MigrationsException;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.Operation;
import dev.migrations.platform.ScratchSchema;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The scratch schema is a database of its own, {@code migrations_scratch_<random>}, created on the
 * live connection for one comparison and dropped after it (a schema is a database here, and
 * temporary tables do not show in {@code information_schema}). The migrating user needs the CREATE
 * and DROP privileges on databases named {@code migrations_scratch_%}; without them the error says
 * so. The connection's own database is selected again afterwards.
 */
final class ScratchDatabase implements ScratchSchema {

    private final MysqlPlatform platform;
    private final MysqlSql sql;

    ScratchDatabase(MysqlPlatform platform, MysqlSql sql) {
        this.platform = platform;
        this.sql = sql;
    }

    @Override
    public SchemaSnapshot build(Connection live, List<Operation> create, OperationRunner runner) throws SQLException {
        String name = "migrations_scratch_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String own;
        try (Statement s = live.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            own = rs.getString(1);
        }
        try (Statement s = live.createStatement()) {
            s.execute("CREATE DATABASE " + sql.quote(name));
        } catch (SQLException e) {
            throw new MigrationsException(
                    "Autogenerate and check on MySQL/MariaDB build the entities' schema in a"
                            + " scratch database and drop it afterwards, and creating " + name + " failed: "
                            + e.getMessage()
                            + ". Grant the migrating user CREATE and DROP on `migrations_scratch_%`.*",
                    e);
        }
        try {
            try (Statement s = live.createStatement()) {
                s.execute("USE " + sql.quote(name));
            }
            for (Operation op : create) {
                try {
                    runner.run(live, platform, List.of(op));
                } catch (RuntimeException e) {
                    if (!(op instanceof CreateIndex index) || !KeyPrefixes.tooLong(e)) {
                        throw e;
                    }
                    // the entities' index is over the key limit: build it over the prefixes that fit, which
                    // autogenerate then writes into the revision with a warning instead of a failing index
                    runner.run(live, platform, List.of(KeyPrefixes.fitted(live, index, KeyPrefixes.limit(e))));
                }
            }
            return new MysqlInspector().inspect(live, name, Set.of());
        } finally {
            try (Statement s = live.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + sql.quote(name));
                if (own != null) {
                    s.execute("USE " + sql.quote(own));
                }
            }
        }
    }
}
