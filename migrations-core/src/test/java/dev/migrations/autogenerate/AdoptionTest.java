package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrations.GeneratedRevision;
import dev.migrations.Migrations;
import dev.migrations.RevisionRequest;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The usual starting point: a database Hibernate created. A baseline written from the entities alone
 * is stamped on it (running it would fail, and says what to do instead), and creates the same schema
 * on a new database.
 */
class AdoptionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseHibernateCreatedIsAdoptedWithABaselineAndAStamp(Kind kind) throws Exception {
        try (TestDatabase existing = TestDatabases.create(kind, tmp);
                TestDatabase fresh = TestDatabases.create(kind, tmp)) {
            HibernateBoot.boot(existing, HibernateBoot.CORPUS, "create");
            SchemaSnapshot entities = HibernateBoot.boot(existing, HibernateBoot.CORPUS, "none");
            Catalog hibernates = Catalog.read(existing);
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);

            GeneratedRevision baseline = revisions.write(
                    existing,
                    RevisionRequest.of("baseline").autogenerate(RevisionRequest.Autogenerate.baseline(entities)));
            List<String> kinds = baseline.diff().changes().stream()
                    .map(change -> change.upgrade().getClass().getSimpleName())
                    .distinct()
                    .toList();
            assertThat(kinds)
                    .as("a baseline only creates")
                    .contains("CreateTable")
                    .allMatch(k -> k.startsWith("Create") || k.equals("AddConstraint") || k.equals("BulkInsert"));

            Migrations onExisting = revisions.migrations(existing);
            Throwable refused = catchThrowable(() -> onExisting.upgrade("heads"));
            assertThat(refused)
                    .isInstanceOf(RevisionFailedException.class)
                    .hasMessageContaining("it predates migrations")
                    .hasMessageContaining("`migrations stamp " + baseline.revision() + "`");
            assertThat(Catalog.read(existing)).as("nothing was changed").isEqualTo(hibernates);

            onExisting.stamp(List.of(baseline.revision()), false);
            assertThat(onExisting.current()).containsExactly(baseline.revision());
            if (kind == Kind.H2) {
                // Hibernate's own H2 DDL writes an enum type where the portable baseline has varchar + check
                assertThat(onExisting.check(entities).diff().changes())
                        .extracting(change -> change.upgrade().describe())
                        .allMatch(step -> step.contains("author") && step.contains("status"), "about author.status")
                        .hasSize(2);
            } else if (kind != Kind.SQLITE) {
                // Hibernate's own SQLite DDL leaves the foreign keys out; elsewhere it is the baseline exactly
                assertThat(onExisting.check(entities).passed()).isTrue();
            }

            Migrations onFresh = revisions.migrations(fresh);
            assertThat(onFresh.upgrade("heads")).hasSize(1);
            assertThat(onFresh.check(entities).passed()).isTrue();
        }
    }
}
