package dev.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrations.Migrations;
import dev.migrations.test.fixtures.CheckFixtures;
import dev.migrations.test.fixtures.FixtureDatabase;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link MigrationsTest} as users run it: the fixture test classes run through the JUnit engine
 * against a real database of each kind, and each check's outcome and message is asserted.
 */
class MigrationsTestExtensionTests {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCheckPassesOnSoundMigrationsAndLeavesTheDatabaseAtTheHeads(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Map<String, TestExecutionResult.Status> outcomes = outcomes(run(CheckFixtures.Good.class, db));
            assertThat(outcomes)
                    .containsExactly(
                            Map.entry("single head", TestExecutionResult.Status.SUCCESSFUL),
                            Map.entry("lint", TestExecutionResult.Status.SUCCESSFUL),
                            Map.entry("upgrade from base", TestExecutionResult.Status.SUCCESSFUL),
                            Map.entry("model matches schema", TestExecutionResult.Status.SUCCESSFUL),
                            Map.entry("stairway", TestExecutionResult.Status.SUCCESSFUL),
                            Map.entry("downgrade leaves no trace", TestExecutionResult.Status.SUCCESSFUL));
            assertThat(engine(db, "good").current()).containsExactly("e005");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stairwayNamesTheRevisionWhoseDowngradeForgetsAColumnAndShowsTheDifference(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            String message = failure(run(CheckFixtures.ForgetfulDowngrade.class, db), "stairway");
            assertThat(message)
                    .startsWith("Stairway: the downgrade of revision b002 \"add body\" (")
                    .contains("step 2 of 2")
                    .contains("does not restore the schema its upgrade started from")
                    .containsIgnoringCase("drop column")
                    .contains("ops.dropColumn(\"notes\", column(\"body\"");
        }
    }

    @Test
    void singleHeadListsBothHeadsAndSaysHowToMerge() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.H2, tmp)) {
            EngineExecutionResults results = run(CheckFixtures.TwoHeads.class, db);
            assertThat(results.testEvents().succeeded().count())
                    .as("heads = 2 accepts the two branches")
                    .isEqualTo(1);
            String message = failure(results, "single head");
            assertThat(message)
                    .startsWith("Expected 1 head revision, found 2:")
                    .contains("revision b002 \"add body\"", "revision c003 \"add summary\"")
                    .contains("migrations merge -m \"merge heads\" heads");
        }
    }

    @Test
    void downgradeLeavesNoTraceNamesTheTableLeftBehind() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, tmp)) {
            String message = failure(run(CheckFixtures.Leaky.class, db), "downgrade leaves no trace");
            assertThat(message)
                    .isEqualTo("Base to heads to base left table audit_log behind: a downgrade forgets"
                            + " to drop what its upgrade created (the stairway check names the revision).");
        }
    }

    @Test
    void upgradeFromBaseNamesTheFailingRevisionAndTheDatabaseKeepsTheLastGoodOne() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, tmp)) {
            String message = failure(run(CheckFixtures.Broken.class, db), "upgrade from base");
            assertThat(message)
                    .startsWith("Upgrading an empty database to the heads failed: ")
                    .contains("b002")
                    .contains("no_such_table");
            assertThat(engine(db, "broken").current()).containsExactly("a001");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void modelMatchesSchemaShowsTheRevisionAutogenerateWouldWrite(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            String message = failure(run(CheckFixtures.EntityWithoutMigration.class, db), "model matches schema");
            assertThat(message)
                    .startsWith("The entities and the migrations disagree: at the heads (e005) autogenerate still"
                            + " finds 1 change.")
                    .contains("migrations revision --autogenerate")
                    .contains("Detected ")
                    .contains("addColumn(\"notes\"")
                    .contains("summary");
        }
    }

    /** The lint check reads the scripts only: the errors, where they are, and the safe form. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "H2", "MARIADB"})
    void lintNamesEachErrorWithItsSafeFormAndRunsNothing(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            String message = failure(run(CheckFixtures.Unsafe.class, db), "lint");
            assertThat(message)
                    .startsWith("The lint found " + (kind == Kind.POSTGRESQL ? 2 : 1) + " error(s) in 2 revisions"
                            + " (base:heads):")
                    .contains("Revision b002 \"index titles, drop bodies\"")
                    .contains("ERROR   drop-column at line 7: dropping notes.body loses its values")
                    .contains("'-- lint_ignore: drop-column: <why it is safe now>'")
                    .contains("set the lint baseline");
            if (kind == Kind.POSTGRESQL) {
                assertThat(message)
                        .contains("ERROR   index-not-concurrent at line 6")
                        .contains("CREATE INDEX CONCURRENTLY notes_title ON notes (title);");
            }
            assertThat(engine(db, "unsafe").current()).isEmpty();
            assertThat(outcomes(run(CheckFixtures.UnsafeBeforeTheBaseline.class, db)))
                    .containsExactly(Map.entry("lint", TestExecutionResult.Status.SUCCESSFUL));
        }
    }

    @Test
    void outsideASpringTestTheAnnotationSaysWhatItNeeds() {
        String message = failure(
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(CheckFixtures.NotSpring.class))
                        .execute(),
                "single head");
        assertThat(message).contains("is not a Spring test").contains("@SpringBootTest");
    }

    private static EngineExecutionResults run(Class<?> fixture, TestDatabase db) {
        FixtureDatabase.use(db.url());
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
    }

    private static Map<String, TestExecutionResult.Status> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getRequiredPayload(TestExecutionResult.class).getStatus(),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** The message of the one failed check with that display name. */
    private static String failure(EngineExecutionResults results, String check) {
        List<Event> failed = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals(check))
                .toList();
        assertThat(failed)
                .as("failed '%s' checks in %s", check, outcomes(results))
                .hasSize(1);
        Throwable thrown = failed.get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        return thrown.getMessage();
    }

    private static Migrations engine(TestDatabase db, String scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations("classpath:checks/" + scripts)
                .load();
    }
}
