package dev.migrations.benchmarks.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Fresh databases for each measurement: a new PostgreSQL schema, a new MariaDB database beside the
 * configured one (named after it, so it stays in the same namespace), or a new SQLite file.
 */
public final class Databases {

    enum Kind {
        POSTGRESQL,
        SQLITE,
        MARIADB
    }

    private Databases() {}

    /** The benchmarks' PostgreSQL: {@code $MIGRATIONS_TEST_POSTGRES_URL}, else the local {@code test} database. */
    public static String postgresUrl() {
        String url = System.getenv("MIGRATIONS_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    /** The benchmarks' MariaDB: {@code $MIGRATIONS_TEST_MARIADB_URL}, else the local {@code test} database. */
    public static String mariadbUrl() {
        String url = System.getenv("MIGRATIONS_TEST_MARIADB_URL");
        return url == null || url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306/test?user=root" : url;
    }

    /** A fresh, empty database; its URL. */
    static String create(Kind kind, Path dir) throws Exception {
        if (kind == Kind.SQLITE) {
            Files.createDirectories(dir);
            return "jdbc:sqlite:" + dir.resolve("bench-" + UUID.randomUUID() + ".db");
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.MARIADB) {
            String base = mariadbUrl();
            String database = mariadbDatabase(base) + "_" + schema;
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE `" + database + "`");
            }
            return withMariadbDatabase(base, database);
        }
        String base = postgresUrl();
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops a PostgreSQL schema or MariaDB database made by {@link #create}; SQLite files go with their directory. */
    static void drop(String url) throws SQLException {
        if (url.startsWith("jdbc:mariadb:") && mariadbDatabase(url).contains("_bench_")) {
            try (Connection c = DriverManager.getConnection(mariadbUrl());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE `" + mariadbDatabase(url) + "`");
            }
            return;
        }
        int at = url.indexOf("currentSchema=");
        if (url.startsWith("jdbc:postgresql:") && at > 0) {
            String schema = url.substring(at + "currentSchema=".length());
            try (Connection c = DriverManager.getConnection(postgresUrl());
                    Statement s = c.createStatement()) {
                // One DROP SCHEMA of 10,000 tables needs more locks than one transaction may hold.
                List<String> tables = new ArrayList<>();
                try (ResultSet rs =
                        s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
                    while (rs.next()) {
                        tables.add(schema + "." + rs.getString(1));
                    }
                }
                for (int i = 0; i < tables.size(); i += 500) {
                    s.execute("DROP TABLE " + String.join(", ", tables.subList(i, Math.min(i + 500, tables.size())))
                            + " CASCADE");
                }
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl(url);
            return ds;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            try {
                return new MariaDbDataSource(url);
            } catch (SQLException e) {
                throw new IllegalArgumentException("Not a MariaDB Connector/J URL: " + url, e);
            }
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    /** The database of a {@code jdbc:mariadb://host:port/database?options} URL. */
    static String mariadbDatabase(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        String database = slash < 0 ? "" : url.substring(slash + 1, query < 0 ? url.length() : query);
        if (database.isEmpty()) {
            throw new IllegalArgumentException("The MariaDB URL names no database (jdbc:mariadb://host:port/database):"
                    + " " + url + "; set MIGRATIONS_TEST_MARIADB_URL to one that does");
        }
        return database;
    }

    private static String withMariadbDatabase(String url, String database) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /**
     * Fails unless the database holds the {@code n} tables of the workload: each tool is measured on
     * the same work, and a tool that skipped some would look fast.
     */
    static void requireTables(String url, int n, Tool tool) throws SQLException {
        int found = 0;
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs =
                        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "bench%", new String[] {"TABLE"})) {
            while (rs.next()) {
                found += rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).matches("bench_t[0-9]+") ? 1 : 0;
            }
        }
        if (found != n) {
            throw new IllegalStateException(
                    tool.label() + " applied " + n + " migrations but " + url + " holds " + found + " workload tables");
        }
    }

    static String version(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
        }
    }
}
