package dev.migrations.platform.h2;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.Autogenerate;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.internal.runtime.DirectOps;
import dev.migrations.ops.CreateTable;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.schema.TableElement;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * H2 names the index behind an unnamed foreign key itself, in several forms: {@code
 * CONSTRAINT_INDEX_3C}, {@code CONSTRAINT_3CE_INDEX_C} after it rebuilt the table, and {@code
 * CONSTRAINT_INDEX_3CEEF9C_0} once the short forms of the table's hash are taken. None of them is an
 * index the entities ask for, so a comparison must not report one.
 */
class H2GeneratedNamesTest {

    private static final DatabasePlatform H2 = Platforms.named("h2");
    private static final int KEYS = 10;

    @Test
    void indexesBehindUnnamedForeignKeysAreNeverDifferencesEvenAfterARebuild() throws Exception {
        try (TestDatabase db = TestDatabases.h2();
                Connection c = db.dataSource().getConnection()) {
            Table ref = Table.of("ref", column("id", BIGINT).primaryKey());
            List<TableElement> hubElements =
                    new ArrayList<>(List.of(column("id", BIGINT).primaryKey()));
            for (int i = 0; i < KEYS; i++) {
                hubElements.add(column("ref_" + i, BIGINT));
                hubElements.add(foreignKey(null, "ref_" + i).references("ref", "id"));
            }
            Table hub = Table.of("hub", hubElements.toArray(TableElement[]::new));
            DirectOps.apply(c, H2, List.of(new CreateTable(ref, false), new CreateTable(hub, false)));
            assertThat(indexNames(c))
                    .as("the long form appears once the short ones are taken")
                    .anyMatch(name -> name.matches("CONSTRAINT_INDEX_[0-9A-F]+_[0-9]+"));

            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE hub ADD COLUMN label VARCHAR(20)");
                s.execute("ALTER TABLE hub ALTER COLUMN label SET NOT NULL"); // H2 rebuilds the table
            }
            hubElements.add(column("label", varchar(20)).notNull());
            SchemaSnapshot entities = new SchemaSnapshot(
                    List.of(ref, Table.of("hub", hubElements.toArray(TableElement[]::new))), List.of());
            Autogenerate autogenerate = new Autogenerate(H2, null, Set.of(), SchemaComparator.UnmanagedTables.REPORT);
            assertThat(autogenerate.diff(c, entities).changes()).isEmpty();
        }
    }

    private static List<String> indexNames(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES" + " WHERE TABLE_NAME = 'HUB'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
