package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.app.PostgresTenants;
import dev.migrations.boot.cli.ApplicationProcess.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tenant}, {@code --all-tenants} and {@code --instance} as real application processes:
 * tenants as PostgreSQL schemas, instances as SQLite files.
 */
class TenantsCommandLineProcessTests {

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsForOneTenantOrAllOfThemWithALinePerTenant() throws Exception {
        try (PostgresTenants tenants = new PostgresTenants(4)) {
            String bad = tenants.name(1);
            tenants.collideOnInvoice(bad);
            List<String> app = List.of(
                    "--spring.datasource.url=" + PostgresTenants.URL,
                    "--migrations.locations=" + PostgresTenants.revisions(dir.resolve("revisions")),
                    "--migrations.tenants.schemas=" + String.join(",", tenants.schemas));

            Result all = launch(app, "upgrade", "--all-tenants");
            assertThat(all.exit()).as("%s", all).isEqualTo(1);
            assertThat(all.lines()).hasSize(5);
            assertThat(all.lines().get(0))
                    .startsWith(tenants.name(0) + ": Ran upgrade <base> -> acc00001, accounts")
                    .endsWith("The database is now at inv00002.");
            assertThat(all.lines().get(1)).startsWith(bad + ": FAILED Revision inv00002");
            assertThat(all.lines().get(4))
                    .startsWith("upgrade 4 tenants: 3 ok, 1 failed: " + bad
                            + " (revision inv00002, statement CREATE TABLE invoice");

            Result one = launch(app, "--tenant", tenants.name(3), "current");
            assertThat(one.exit()).as("%s", one).isZero();
            assertThat(one.lines()).containsExactly("inv00002 (head)");
            assertThat(launch(app, "current", "--tenant=" + bad).lines()).containsExactly("acc00001");

            Result again = launch(app, "current", "--all-tenants");
            assertThat(again.exit()).as("%s", again).isZero();
            assertThat(again.lines())
                    .containsExactly(
                            tenants.name(0) + ": inv00002 (head)",
                            bad + ": acc00001",
                            tenants.name(2) + ": inv00002 (head)",
                            tenants.name(3) + ": inv00002 (head)",
                            "current 4 tenants: 4 ok");

            Result unnamed = launch(app, "upgrade");
            assertThat(unnamed.exit()).isEqualTo(1);
            assertThat(unnamed.err()).contains("ERROR: This instance migrates tenants: name one with --tenant NAME");
            assertThat(tenants.tables("public", "account")).isZero();

            Result both = launch(app, "upgrade", "--tenant", bad, "--all-tenants");
            assertThat(both.exit()).isEqualTo(2);
            assertThat(both.err()).contains("--tenant and --all-tenants are mutually exclusive");
        }
    }

    @Test
    void anInstanceIsChosenByNameAndWithoutOneEachRunsInNameOrder() throws Exception {
        Path revisions = dir.resolve("revisions");
        String location = PostgresTenants.revisions(revisions);
        List<String> app = List.of(
                "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                "--migrations.instances.orders.url=jdbc:sqlite:" + dir.resolve("orders.db"),
                "--migrations.instances.orders.locations=" + location,
                "--migrations.instances.audit.url=jdbc:sqlite:" + dir.resolve("audit.db"),
                "--migrations.instances.audit.locations=" + location);

        Result orders = launch(app, "--instance", "orders", "upgrade", "acc00001");
        assertThat(orders.exit()).as("%s", orders).isZero();
        assertThat(launch(app, "current", "--instance", "orders").lines()).containsExactly("acc00001");
        assertThat(launch(app, "current", "--instance", "audit").lines()).isEmpty();

        Result each = launch(app, "upgrade");
        assertThat(each.exit()).as("%s", each).isZero();
        assertThat(each.lines())
                .containsSubsequence(
                        "== instance audit ==",
                        "The database is now at inv00002.",
                        "== instance orders ==",
                        "The database is now at inv00002.");

        Result unknown = launch(app, "current", "--instance", "billing");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("No instance named billing: this application has audit, orders");
    }

    private Result launch(List<String> app, String... cli) throws Exception {
        List<String> args = new ArrayList<>(app);
        args.add("migrations");
        args.addAll(List.of(cli));
        return ApplicationProcess.run(dir, args);
    }
}
