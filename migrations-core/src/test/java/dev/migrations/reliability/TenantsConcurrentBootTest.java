package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.HistoryRecord;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Two JVMs booting together over the same PostgreSQL tenant schemas apply every revision once per tenant. */
class TenantsConcurrentBootTest {

    private static final int TENANTS = 30;
    private static final int REVISIONS = 3;

    @TempDir
    Path tmp;

    @Test
    void twoProcessesOverTheSameTenantsApplyEveryRevisionOncePerTenant() throws Exception {
        String url = TestDatabases.postgresUrl();
        String prefix = "tc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        List<String> schemas = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            schemas.add(prefix + i);
        }
        Scripts scripts = new Scripts(tmp.resolve("m"));
        Fleet.chain(scripts, REVISIONS);
        List<Child> fleet = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                fleet.add(Child.start(url, scripts.location(), "--tenants=" + String.join(",", schemas)));
            }
            int applied = 0;
            for (Child child : fleet) {
                assertThat(child.awaitExit(Duration.ofMinutes(2)))
                        .as(child.output())
                        .isZero();
                applied += child.applied();
            }
            assertThat(applied).isEqualTo(TENANTS * REVISIONS);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            Migrations migrations = Migrations.configure()
                    .dataSource(ds)
                    .locations(scripts.location())
                    .load();
            for (String schema : schemas) {
                List<String> upgrades = migrations.tenant(schema).appliedHistory().stream()
                        .filter(HistoryRecord::success)
                        .map(HistoryRecord::revision)
                        .toList();
                assertThat(upgrades).as(schema).containsExactly("r0000", "r0001", "r0002");
            }
        } finally {
            fleet.forEach(Child::close);
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }
}
