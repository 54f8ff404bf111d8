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
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Fresh databases for each measurement: a new PostgreSQL schema or a new SQLite file. */
public final class Databases {

    enum Kind {
        POSTGRESQL,
        SQLITE
    }

    private Databases() {}

    /** The benchmarks' PostgreSQL: {@code $MIGRATIONS_TEST_POSTGRES_URL}, else the local {@code test} database. */
    public static String postgresUrl() {
        String url = System.getenv("MIGRATIONS_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    /** A fresh, empty database; its URL. */
    static String create(Kind kind, Path dir) throws Exception {
        if (kind == Kind.SQLITE) {
            Files.createDirectories(dir);
            return "jdbc:sqlite:" + dir.resolve("bench-" + UUID.randomUUID() + ".db");
        }
        String base = postgresUrl();
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops a PostgreSQL schema made by {@link #create}; SQLite files go with their directory. */
    static void drop(String url) throws SQLException {
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
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    static String version(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
        }
    }
}
