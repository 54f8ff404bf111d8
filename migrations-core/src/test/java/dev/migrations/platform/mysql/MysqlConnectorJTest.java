package dev.migrations.platform.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.platform.Platforms;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB through MySQL Connector/J, the other driver teams run it with: the driver calls the server
 * "MySQL", so only the server's version tells the platform it is MariaDB. The server's default
 * sql_mode is kept (no ANSI_QUOTES, unlike the other MariaDB tests), so every name the engine writes
 * must be quoted its own way.
 */
class MysqlConnectorJTest {

    @TempDir
    Path tmp;

    private String database;
    private MysqlDataSource dataSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "cj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        dataSource = new MysqlDataSource();
        dataSource.setUrl(mysqlUrl(""));
        execute("CREATE DATABASE " + database);
        dataSource.setUrl(mysqlUrl(database));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database);
    }

    /** The MariaDB test URL with the MySQL driver's scheme: {@code jdbc:mysql://127.0.0.1:3306/db?user=root}. */
    private static String mysqlUrl(String database) {
        String base = TestDatabases.mariadbUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
        int slash = base.indexOf('/', "jdbc:mysql://".length());
        int query = base.indexOf('?');
        String hostPort = base.substring(0, slash < 0 ? (query < 0 ? base.length() : query) : slash);
        return hostPort + "/" + database + (query < 0 ? "" : base.substring(query));
    }

    @Test
    void theMysqlDriverOnMariaDbGetsTheMariaDbPlatform() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
            assertThat(Platforms.detect(c).id()).isEqualTo("mariadb");
        }
    }

    @Test
    void aRevisionFailsPartlyAppliedResumesAndGoesBackThroughTheMysqlDriver() throws Exception {
        Scripts s = new Scripts(tmp.resolve("m"));
        s.table("base0001", null);
        Path revision = s.sql(
                "part0002",
                "base0001",
                "CREATE TABLE `order` (id INTEGER PRIMARY KEY, `select` VARCHAR(20));\n"
                        + "CREATE INDEX ix_order_select ON `order` (`select`);\n"
                        + "CREATE TABLE line (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES no_such (id));",
                "DROP TABLE line;\nDROP INDEX ix_order_select ON `order`;\nDROP TABLE `order`;");

        assertThatThrownBy(() -> load(s).upgrade("heads"))
                .isInstanceOf(MigrationsException.class)
                .hasMessageContaining("Revision part0002")
                .hasMessageContaining("stopped at its statement 3");
        Migrations failed = load(s);
        assertThat(failed.current()).containsExactly("base0001");
        assertThat(failed.status().revision("part0002").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
        assertThat(tables()).contains("order").doesNotContain("line");

        Files.writeString(
                revision, Files.readString(revision).replace("REFERENCES no_such (id)", "REFERENCES `order` (id)"));
        Migrations fixed = load(s);
        fixed.upgrade("heads");
        assertThat(fixed.current()).containsExactly("part0002");
        List<HistoryRecord> history = fixed.appliedHistory();
        assertThat(history.get(history.size() - 1).statementsDone()).isEqualTo(3);
        assertThat(tables()).contains("order", "line");

        fixed.downgrade("base");
        assertThat(fixed.current()).isEmpty();
        assertThat(tables()).doesNotContain("order", "line", "t_base0001");
    }

    @Test
    void fourEnginesAtOnceApplyEachRevisionOnceUnderTheNamedLock() throws Exception {
        Scripts s = new Scripts(tmp.resolve("m"));
        s.table("aaaa0001", null);
        s.table("bbbb0002", "aaaa0001");
        s.table("cccc0003", "bbbb0002");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<AppliedStep>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> load(s).upgrade("heads")));
            }
            int applied = 0;
            for (Future<List<AppliedStep>> run : runs) {
                applied += run.get().size();
            }
            assertThat(applied).as("steps applied over all engines").isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(load(s).appliedHistory())
                .extracting(HistoryRecord::revision)
                .containsExactly("aaaa0001", "bbbb0002", "cccc0003");
    }

    private Migrations load(Scripts s) {
        return Migrations.configure()
                .dataSource(dataSource)
                .locations(s.location())
                .load();
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
