package dev.migrations.benchmarks;

import dev.migrations.Migrations;
import dev.migrations.MigrationsTenants;
import dev.migrations.TenantRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schema-per-tenant on PostgreSQL: {@code tenants} schemas × {@code revisions} revisions from empty
 * and the no-op run over them, with the engine's fan-out ({@code parallelism} at once), the same
 * work serially, and Flyway looped over the schemas in one JVM (what users do today). Also one
 * tenant's no-op boot and one catalog query, the yardsticks of the no-op target. {@code
 * -Dserial=false} and {@code -Dflyway=false} leave those runs out.
 */
public final class TenantsBenchmark {

    private static final int TENANTS = Integer.getInteger("tenants", 1_000);
    private static final int REVISIONS = Integer.getInteger("revisions", 20);
    private static final int PARALLELISM = Integer.getInteger("parallelism", 4);
    private static final String URL = System.getenv()
            .getOrDefault("MIGRATIONS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TenantsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tenants-bench");
        Path ours = Files.createDirectories(dir.resolve("ours"));
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        for (int i = 1; i <= REVISIONS; i++) {
            String table = "CREATE TABLE t" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(100), created TIMESTAMP);";
            Files.writeString(
                    ours.resolve(String.format("%03d.sql", i)),
                    "-- revision: r" + i + "\n" + (i > 1 ? "-- down_revision: r" + (i - 1) + "\n" : "")
                            + "-- message: table " + i + "\n\n-- +upgrade\n" + table + "\n\n-- +downgrade\nDROP TABLE t"
                            + i + ";\n");
            Files.writeString(flyway.resolve("V" + i + "__table_" + i + ".sql"), table + "\n");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(URL);
        for (String prefix : List.of("bp_", "bs_", "bf_")) {
            drop(prefix); // a run that was stopped midway
        }
        System.out.printf(
                "%,d PostgreSQL schemas x %d revisions, parallelism %d, %d cores%n",
                TENANTS, REVISIONS, PARALLELISM, Runtime.getRuntime().availableProcessors());
        System.out.println("| run | from empty (ms) | no-op (ms) |\n|---|---|---|");

        long[] parallel = ours(ds, ours, "bp_", PARALLELISM);
        System.out.printf("| engine, parallelism %d | %,d | %,d |%n", PARALLELISM, parallel[0], parallel[1]);
        if (!"false".equals(System.getProperty("serial"))) {
            long[] serial = ours(ds, ours, "bs_", 1);
            System.out.printf("| engine, serial | %,d | %,d |%n", serial[0], serial[1]);
        }
        if (!"false".equals(System.getProperty("flyway"))) {
            long[] peer = flyway(ds, flyway, "bf_");
            System.out.printf("| Flyway looped over the schemas | %,d | %,d |%n", peer[0], peer[1]);
        }

        long single = singleNoOp(ds, ours, "bp_0000");
        long query = catalogQuery("bp_0000");
        System.out.printf(
                "one tenant's no-op boot (load + upgrade): %,d ms; one catalog query: %.2f ms;"
                        + " target for %,d tenants: 3 x %,d + %,d x %.2f = %,.0f ms; measured %,d ms%n",
                single,
                query / 1000.0,
                TENANTS,
                single,
                TENANTS,
                query / 1000.0,
                3.0 * single + TENANTS * query / 1000.0,
                parallel[1]);
        for (String prefix : List.of("bp_", "bs_", "bf_")) {
            drop(prefix);
        }
    }

    private static List<String> schemas(String prefix) {
        List<String> schemas = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            schemas.add(String.format("%s%04d", prefix, i));
        }
        return schemas;
    }

    /** From empty, then the no-op run, each with a freshly loaded engine as a boot would. */
    private static long[] ours(PGSimpleDataSource ds, Path scripts, String prefix, int parallelism) {
        long[] times = new long[2];
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            Migrations migrations = Migrations.configure()
                    .dataSource(ds)
                    .locations("filesystem:" + scripts)
                    .tenants(MigrationsTenants.schemas(schemas(prefix)))
                    .tenantParallelism(parallelism)
                    .load();
            TenantRun<?> result = migrations.tenants().upgrade("heads");
            times[run] = (System.nanoTime() - start) / 1_000_000;
            if (result.anyFailed()) {
                throw new IllegalStateException(result.summary());
            }
        }
        return times;
    }

    private static long[] flyway(PGSimpleDataSource ds, Path scripts, String prefix) {
        long[] times = new long[2];
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            for (String schema : schemas(prefix)) {
                Flyway.configure()
                        .dataSource(ds)
                        .schemas(schema)
                        .locations("filesystem:" + scripts)
                        .load()
                        .migrate();
            }
            times[run] = (System.nanoTime() - start) / 1_000_000;
        }
        return times;
    }

    private static long singleNoOp(PGSimpleDataSource ds, Path scripts, String schema) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Migrations.configure()
                    .dataSource(ds)
                    .locations("filesystem:" + scripts)
                    .load()
                    .tenant(schema)
                    .upgrade("heads");
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }

    /** Microseconds for one query of a tenant's version table on an open connection, averaged over 200. */
    private static long catalogQuery(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = s.executeQuery("SELECT version_num FROM " + schema + ".migrations_version")) {
                    rs.next();
                }
            }
            return (System.nanoTime() - start) / 1_000 / 200;
        }
    }

    private static void drop(String prefix) throws Exception {
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            for (String schema : schemas(prefix)) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
