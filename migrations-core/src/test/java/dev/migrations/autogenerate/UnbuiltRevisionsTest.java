package dev.migrations.autogenerate;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrations.GeneratedRevision;
import dev.migrations.Migrations;
import dev.migrations.RevisionRequest;
import dev.migrations.api.MigrationsException;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate, forget to rebuild, generate again: the second run would write the same change on a second
 * head. {@code revision} and {@code check} notice the file the running application lacks and say to
 * rebuild first.
 */
class UnbuiltRevisionsTest {

    @TempDir
    Path tmp;

    @Test
    void aRevisionFileTheApplicationDoesNotContainStopsAutogenerateAndCheck() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("unbuilt.db"))) {
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);
            SchemaSnapshot entities = new SchemaSnapshot(
                    List.of(Table.of("book", column("id", BIGINT).primaryKey(), column("title", varchar(100)))),
                    List.of());
            Migrations beforeRebuild = revisions.migrations(db);
            GeneratedRevision written = beforeRebuild.revision(RevisionRequest.of("add book")
                    .autogenerate(new RevisionRequest.Autogenerate(entities, null, null)));
            assertThat(written.written()).isTrue();

            Throwable again = catchThrowable(() -> beforeRebuild.revision(RevisionRequest.of("add book")
                    .autogenerate(new RevisionRequest.Autogenerate(entities, null, null))));
            assertThat(again)
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining(written.file().toString())
                    .hasMessageContaining("(revision " + written.revision() + ")")
                    .hasMessageContaining("Rebuild it");
            assertThat(catchThrowable(() -> beforeRebuild.check(entities))).hasMessageContaining("Rebuild it");

            revisions.compile();
            Migrations rebuilt = revisions.migrations(db);
            assertThat(rebuilt.upgrade("heads")).hasSize(1);
            assertThat(rebuilt.check(entities).passed()).isTrue();
        }
    }
}
