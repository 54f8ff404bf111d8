package dev.migrations.boot.app;

import java.io.IOException;
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

/** Tenant schemas on the test PostgreSQL server ({@code MIGRATIONS_TEST_POSTGRES_URL}), dropped on close. */
public final class PostgresTenants implements AutoCloseable {

    public static final String URL = System.getenv()
            .getOrDefault("MIGRATIONS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String prefix =
            "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    public final List<String> schemas = new ArrayList<>();

    public PostgresTenants(int count) {
        for (int i = 0; i < count; i++) {
            schemas.add(String.format("%s%02d", prefix, i));
        }
    }

    public String name(int index) {
        return schemas.get(index);
    }

    /** Two revisions creating {@code account} then {@code invoice}, in a folder of their own. */
    public static String revisions(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("001_account.sql"),
                "-- revision: acc00001\n-- message: accounts\n\n-- +upgrade\nCREATE TABLE account (id INTEGER"
                        + " PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE account;\n");
        Files.writeString(
                dir.resolve("002_invoice.sql"),
                "-- revision: inv00002\n-- down_revision: acc00001\n-- message: invoices\n\n-- +upgrade\nCREATE"
                        + " TABLE invoice (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE invoice;\n");
        return "filesystem:" + dir;
    }

    /** Makes {@code schema} hold a table the second revision will collide with. */
    public void collideOnInvoice(String schema) throws SQLException {
        execute("CREATE SCHEMA \"" + schema + "\"", "CREATE TABLE \"" + schema + "\".invoice (id INTEGER)");
    }

    public int tables(String schema, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + schema + "' AND table_name = '" + table + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            for (String schema : found) {
                s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
            }
        }
    }
}
