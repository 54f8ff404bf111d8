package dev.migrations.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Real databases for tests. PostgreSQL comes from {@code MIGRATIONS_TEST_POSTGRES_URL} (what CI
 * sets), else from Testcontainers when Docker runs, else from the local server these machines
 * run on 127.0.0.1:5432. If none answers the tests fail: they never skip.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";
    private static final String LOCAL_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static String postgresUrl;
    public static final String MARIADB_URL_VARIABLE = "MIGRATIONS_TEST_MARIADB_URL";
    private static final String MARIADB_LOCAL_DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static String mariadbUrl;

    private TestDatabases() {}

    public enum Kind {
        POSTGRESQL,
        SQLITE,
        H2,
        MARIADB
    }

    /** A fresh, empty database of the given kind; {@code dir} holds SQLite files. */
    public static TestDatabase create(Kind kind, Path dir) {
        return switch (kind) {
            case POSTGRESQL -> postgres();
            case SQLITE -> sqlite(dir.resolve("test-" + UUID.randomUUID() + ".db"));
            case H2 -> h2();
            case MARIADB -> mariadb();
        };
    }

    public static TestDatabase sqlite(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return new TestDatabase(Kind.SQLITE, ds, "jdbc:sqlite:" + file, () -> {});
    }

    public static TestDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        String url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        ds.setURL(url);
        ds.setUser("sa");
        return new TestDatabase(Kind.H2, ds, url, () -> {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    /** A fresh schema on the test PostgreSQL server, dropped on close. */
    public static TestDatabase postgres() {
        String base = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a schema on " + base + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(base);
        ds.setCurrentSchema(schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(Kind.POSTGRESQL, ds, url, () -> {
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    /**
     * A fresh database on the test MariaDB server ({@code MIGRATIONS_TEST_MARIADB_URL}, else the
     * local server on 127.0.0.1:3306), dropped on close: a schema is a database there.
     */
    public static TestDatabase mariadb() {
        String base = mariadbUrl();
        String database = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database on " + base + ": " + e.getMessage(), e);
        }
        // the tests' raw SQL quotes names the standard way; the engine itself quotes with backticks
        String url = withDatabase(base, database) + (base.contains("?") ? "&" : "?")
                + "sessionVariables=sql_mode='ANSI_QUOTES,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                + "NO_ENGINE_SUBSTITUTION'";
        MariaDbDataSource ds = new MariaDbDataSource();
        try {
            ds.setUrl(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestDatabase(Kind.MARIADB, ds, url, () -> {
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        });
    }

    /** {@code jdbc:mariadb://host:port/old?x} with another database. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        return (slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash)) + "/" + database
                + params;
    }

    public static synchronized String mariadbUrl() {
        if (mariadbUrl != null) {
            return mariadbUrl;
        }
        String fromEnv = System.getenv(MARIADB_URL_VARIABLE);
        String url = fromEnv != null && !fromEnv.isBlank() ? fromEnv : MARIADB_LOCAL_DEFAULT;
        try (Connection c = DriverManager.getConnection(url)) {
            return mariadbUrl = url;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "No MariaDB for the tests: set " + MARIADB_URL_VARIABLE
                            + " to a JDBC URL (with user), or start MariaDB on 127.0.0.1:3306 (" + e.getMessage() + ")",
                    e);
        }
    }

    public static synchronized String postgresUrl() {
        if (postgresUrl != null) {
            return postgresUrl;
        }
        String fromEnv = System.getenv(POSTGRES_URL_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return postgresUrl = fromEnv;
        }
        String fromDocker = DockerPostgres.urlIfDockerRuns();
        if (fromDocker != null) {
            return postgresUrl = fromDocker;
        }
        try (Connection c = DriverManager.getConnection(LOCAL_DEFAULT)) {
            return postgresUrl = LOCAL_DEFAULT;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "No PostgreSQL for the tests: set " + POSTGRES_URL_VARIABLE
                            + " to a JDBC URL (with user), run Docker for Testcontainers, or start PostgreSQL on"
                            + " 127.0.0.1:5432 (" + e.getMessage() + ")",
                    e);
        }
    }

    /** A database the test owns; closing it drops what it created. */
    public record TestDatabase(Kind kind, DataSource dataSource, String url, Cleanup cleanup) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            cleanup.run();
        }
    }

    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }
}
