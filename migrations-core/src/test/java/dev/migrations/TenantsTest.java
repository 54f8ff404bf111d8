package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.ChecksumDriftException;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.MigrationsException;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One revision graph over many tenants, on real databases: schemas on PostgreSQL and H2, one file
 * each on SQLite.
 */
class TenantsTest {

    private static final List<String> REVISIONS = List.of("aaaa0001", "bbbb0002", "cccc0003");

    @TempDir
    Path tmp;

    private Migrations migrations(TenantFixture fixture, Scripts scripts, int parallelism, boolean failFast) {
        return Migrations.configure()
                .dataSource(fixture.dataSource)
                .locations(scripts.location())
                .tenants(() -> fixture.tenants)
                .tenantParallelism(parallelism)
                .tenantFailFast(failFast)
                .load();
    }

    private Scripts threeTables() {
        Scripts scripts = new Scripts(tmp.resolve("revisions"));
        scripts.table("aaaa0001", null);
        scripts.table("bbbb0002", "aaaa0001");
        scripts.table("cccc0003", "bbbb0002");
        return scripts;
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "H2", "MARIADB"})
    void twoHundredTenantsMigrateInParallelEachRevisionOnceAndOneBadTenantFailsAlone(Kind kind) throws Exception {
        try (TenantFixture fixture = new TenantFixture(kind, 200, tmp)) {
            String bad = fixture.name(13);
            fixture.execute(fixture.tenants.get(13), "CREATE TABLE t_bbbb0002 (id INTEGER)");
            Migrations migrations = migrations(fixture, threeTables(), 6, false);

            TenantRun<List<AppliedStep>> first = migrations.tenants().upgrade("heads");

            assertThat(first.results()).hasSize(200);
            assertThat(first.counts()).containsEntry("upgraded", 199).containsEntry("failed", 1);
            assertThat(first.failures()).extracting(r -> r.tenant().name()).containsExactly(bad);
            assertThat(first.summary())
                    .startsWith("migrated 200 tenants: 199 upgraded, 1 failed: " + bad + " (revision bbbb0002,"
                            + " statement CREATE TABLE t_bbbb0002");
            for (Tenant tenant : fixture.tenants) {
                Migrations one = migrations.tenant(tenant);
                List<String> upgrades = one.appliedHistory().stream()
                        .filter(h -> h.direction() == HistoryRecord.Direction.UPGRADE && h.success())
                        .map(HistoryRecord::revision)
                        .toList();
                if (tenant.name().equals(bad)) {
                    assertThat(upgrades).containsExactly("aaaa0001");
                    assertThat(one.current()).containsExactly("aaaa0001");
                } else {
                    assertThat(upgrades).as(tenant.name()).containsExactlyElementsOf(REVISIONS);
                    assertThat(fixture.tables(tenant))
                            .contains("t_aaaa0001", "t_bbbb0002", "t_cccc0003", "migrations_version");
                }
            }

            TenantRun<List<AppliedStep>> second = migrations.tenants().upgrade("heads");
            assertThat(second.summary()).startsWith("migrated 200 tenants: 199 up to date, 1 failed: " + bad);
            assertThat(migrations.tenants().status().counts())
                    .containsEntry("up to date", 199)
                    .containsEntry("failed", 1);
        }
    }

    @Test
    void failFastLeavesTheTenantsAfterTheFirstFailureUntouched() throws Exception {
        try (TenantFixture fixture = new TenantFixture(Kind.H2, 5, tmp)) {
            fixture.execute(fixture.tenants.get(1), "CREATE TABLE t_aaaa0001 (id INTEGER)");
            Migrations migrations = migrations(fixture, threeTables(), 1, true);

            TenantRun<List<AppliedStep>> run = migrations.tenants().upgrade("heads");

            assertThat(run.counts()).containsEntry("upgraded", 1).containsEntry("failed", 1);
            assertThat(run.counts()).containsEntry("not started", 3);
            assertThat(migrations.tenant(fixture.name(4)).current()).isEmpty();
            assertThat(fixture.tables(fixture.tenants.get(4))).isEmpty();
        }
    }

    /** Two processes' worth of engines (separate pools, separate sessions) over the same tenants at once. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void twoEnginesBootingTogetherApplyEveryRevisionOncePerTenant(Kind kind) throws Exception {
        try (TenantFixture fixture = new TenantFixture(kind, 40, tmp)) {
            Scripts scripts = threeTables();
            Migrations one = migrations(fixture, scripts, 4, false);
            Migrations two = migrations(fixture, scripts, 4, false);
            Tenant provisioned = fixture.tenant(fixture.name(0) + "new", tmp);

            CompletableFuture<TenantRun<List<AppliedStep>>> first =
                    CompletableFuture.supplyAsync(() -> one.tenants().upgrade("heads"));
            CompletableFuture<List<AppliedStep>> added =
                    CompletableFuture.supplyAsync(() -> one.tenant(provisioned).upgrade("heads"));
            TenantRun<List<AppliedStep>> secondRun = two.tenants().upgrade("heads");
            List<AppliedStep> addedAgain = two.tenant(provisioned).upgrade("heads");

            assertThat(first.get().anyFailed()).isFalse();
            assertThat(secondRun.anyFailed()).isFalse();
            assertThat(added.get().size() + addedAgain.size()).isEqualTo(3);
            for (Tenant tenant : fixture.tenants) {
                List<String> upgrades = one.tenant(tenant).appliedHistory().stream()
                        .map(HistoryRecord::revision)
                        .toList();
                assertThat(upgrades).as(tenant.name()).containsExactlyElementsOf(REVISIONS);
            }
            assertThat(one.tenant(provisioned).current()).containsExactly("cccc0003");
        }
    }

    @Test
    void aTenantNotInTheListIsASchemaOfThatNameOnTheInstancesDatabase() throws Exception {
        try (TenantFixture fixture = new TenantFixture(Kind.POSTGRESQL, 1, tmp)) {
            Migrations migrations = migrations(fixture, threeTables(), 2, false);
            String name = fixture.name(0) + "x";

            assertThat(migrations.tenant(name).upgrade("bbbb0002")).hasSize(2);

            Tenant provisioned = Tenant.schema(name);
            assertThat(fixture.tables(provisioned))
                    .containsExactlyInAnyOrder("t_aaaa0001", "t_bbbb0002", "migrations_version", "migrations_history");
            assertThat(migrations.tenant(name).tenantName()).isEqualTo(name);
            assertThat(migrations.tenant(fixture.name(0)).current()).isEmpty();
        }
    }

    /** The batch read that spares up-to-date tenants their own run still catches every kind of difference. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "H2", "MARIADB"})
    void theNoOpRunReadsTenantsInOneBatchAndStillSeesBehindAndEditedOnes(Kind kind) throws Exception {
        try (TenantFixture fixture = new TenantFixture(kind, 6, tmp)) {
            Scripts scripts = threeTables();
            AtomicInteger runs = new AtomicInteger();
            MigrationsConfiguration configuration = Migrations.configure()
                    .dataSource(fixture.dataSource)
                    .locations(scripts.location())
                    .tenants(() -> fixture.tenants)
                    .listeners(new MigrationListener() {
                        @Override
                        public void runStarting(String command, String target) {
                            runs.incrementAndGet();
                        }
                    });
            Migrations migrations = configuration.load();
            migrations.tenants().upgrade("heads");
            migrations.tenant(fixture.tenants.get(4)).downgrade("-1");
            runs.set(0);

            TenantRun<List<AppliedStep>> noOp = migrations.tenants().upgrade(null);

            assertThat(noOp.counts()).containsEntry("up to date", 5).containsEntry("upgraded", 1);
            assertThat(runs.get()).as("only the tenant behind ran").isEqualTo(1);

            scripts.write(
                    "000_aaaa0001.sql",
                    Files.readString(scripts.dir().resolve("000_aaaa0001.sql"))
                            .replace("name VARCHAR(50)", "name VARCHAR(60)"));
            TenantRun<List<AppliedStep>> edited = configuration.load().tenants().upgrade("heads");
            assertThat(edited.counts()).containsEntry("failed", 6);
            assertThat(edited.failures().get(0).error()).isInstanceOf(ChecksumDriftException.class);
        }
    }

    @Test
    void anUnlistedTenantOfAnInstanceWithoutADataSourceIsRefusedByName() throws Exception {
        try (TenantFixture fixture = new TenantFixture(Kind.SQLITE, 2, tmp)) {
            Migrations migrations = migrations(fixture, threeTables(), 2, false);

            assertThatThrownBy(() -> migrations.tenant("nobody"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("No tenant named nobody")
                    .hasMessageContaining(fixture.name(1));
        }
    }
}
