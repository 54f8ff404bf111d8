package dev.migrations.autogenerate;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table no entity maps is left alone, and so is everything that belongs to it. */
class UnmanagedTablesTest {

    @TempDir
    Path tmp;

    /** A serial column's sequence belongs to its table: leaving the table alone leaves the sequence too. */
    @Test
    void aSerialsSequenceStaysWithItsUnmanagedTable() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE genre (id SERIAL PRIMARY KEY, name TEXT)");
            }
            SchemaSnapshot entities = new SchemaSnapshot(
                    List.of(Table.of("book", column("id", BIGINT).primaryKey(), column("title", varchar(100)))),
                    List.of());
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);
            Migrations migrations = revisions.migrations(db);
            SchemaDiff diff = migrations.compareWith(entities, Renames.NONE, SchemaComparator.UnmanagedTables.REPORT);
            assertThat(diff.changes())
                    .extracting(change -> change.upgrade().describe())
                    .containsExactly("create table book");
            assertThat(diff.notes())
                    .anySatisfy(note -> assertThat(note)
                            .contains("Table genre is in the database but no entity maps it; left alone")
                            .contains("--drop-unmanaged-tables"));

            String source = revisions.write(db, entities, Renames.NONE, "add book");
            assertThat(source).doesNotContain("genre_id_seq");
            assertThat(revisions.migrations(db).upgrade("heads")).hasSize(1);
            assertThat(revisions.migrations(db).compareWith(entities).changes()).isEmpty();
        }
    }
}
