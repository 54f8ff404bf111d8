package dev.migrations;

import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Many tenants on a real database: schemas on the test PostgreSQL server or in one H2 database,
 * databases on the test MariaDB server, or one SQLite file each. Closing drops the schemas and
 * databases.
 */
final class TenantFixture implements AutoCloseable {

    final Kind kind;
    final DataSource dataSource;
    final List<Tenant> tenants = new ArrayList<>();
    private final String prefix =
            "tn" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";

    TenantFixture(Kind kind, int count, Path dir) {
        this.kind = kind;
        this.dataSource = switch (kind) {
            case POSTGRESQL -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(TestDatabases.postgresUrl());
                yield ds;
            }
            case H2 -> {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:mem:" + prefix + ";DB_CLOSE_DELAY=-1");
                ds.setUser("sa");
                yield ds;
            }
            case SQLITE -> null;
            case MARIADB -> {
                MariaDbDataSource ds = new MariaDbDataSource();
                try {
                    ds.setUrl(TestDatabases.mariadbUrl());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield ds;
            }
        };
        for (int i = 0; i < count; i++) {
            tenants.add(tenant(String.format("%s%03d", prefix, i), dir));
        }
    }

    /** A tenant of this fixture's kind that is not in its list: one being provisioned. */
    Tenant tenant(String name, Path dir) {
        if (kind != Kind.SQLITE) {
            return Tenant.schema(name);
        }
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + dir.resolve(name + ".db"));
        return Tenant.database(name, file);
    }

    String name(int index) {
        return tenants.get(index).name();
    }

    /** Runs SQL in a tenant, as its own application would (an object a revision will collide with). */
    void execute(Tenant tenant, String sql) throws SQLException {
        DataSource ds = tenant.dataSource() != null ? tenant.dataSource() : dataSource;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            if (tenant.schema() != null) {
                if (kind == Kind.MARIADB) {
                    s.execute("CREATE DATABASE IF NOT EXISTS `" + tenant.schema() + "`");
                    s.execute("USE `" + tenant.schema() + "`");
                } else {
                    s.execute("CREATE SCHEMA IF NOT EXISTS \"" + tenant.schema() + "\"");
                    c.setSchema(tenant.schema());
                }
            }
            s.execute(sql);
        }
    }

    /** The tenant's tables as the catalog lists them, lower case. */
    List<String> tables(Tenant tenant) throws SQLException {
        DataSource ds = tenant.dataSource() != null ? tenant.dataSource() : dataSource;
        String sql = tenant.schema() == null
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = '"
                        + tenant.schema().toLowerCase() + "'";
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase());
            }
        }
        return names;
    }

    @Override
    public void close() throws SQLException {
        if (kind == Kind.POSTGRESQL) {
            try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                List<String> schemas = new ArrayList<>();
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
                }
            }
        } else if (kind == Kind.MARIADB) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata"
                            + " WHERE schema_name LIKE '" + prefix + "%'")) {
                List<String> databases = new ArrayList<>();
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
                for (String database : databases) {
                    s.execute("DROP DATABASE `" + database + "`");
                }
            }
        } else if (kind == Kind.H2) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
