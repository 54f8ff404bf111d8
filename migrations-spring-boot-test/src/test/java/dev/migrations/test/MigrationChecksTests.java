package dev.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The checks on the engine alone, without Spring, as {@link MigrationChecks}' Javadoc shows them. */
class MigrationChecksTests {

    @Test
    void undoTakesAMergeApartIntoItsParents() throws Exception {
        try (TestDatabase db = TestDatabases.h2()) {
            Migrations migrations = engine(db, "good");
            migrations.upgrade("d004");
            migrations.undo("d004");
            assertThat(migrations.current()).containsExactlyInAnyOrder("b002", "c003");
            migrations.undo("c003");
            assertThat(migrations.current()).containsExactly("b002");
            assertThat(migrations.inspectSchema().table("tags")).isEmpty();
            assertThat(migrations.inspectSchema().table("notes")).isPresent();
        }
    }

    @Test
    void checksPassOnSoundMigrationsWithoutSpring() throws Exception {
        try (TestDatabase db = TestDatabases.h2()) {
            MigrationChecks checks = new MigrationChecks(engine(db, "good"));
            checks.singleHead();
            checks.upgradeFromBase();
            checks.stairway();
            checks.downgradeLeavesNoTrace();
            assertThat(engine(db, "good").current()).containsExactly("e005");
        }
    }

    @Test
    void aTableNoRevisionCreatedIsNamedAndNotBlamedOnTheDowngrades() throws Exception {
        try (TestDatabase db = TestDatabases.h2()) {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE legacy (id INT)");
            }
            assertThatThrownBy(() -> new MigrationChecks(engine(db, "good")).downgradeLeavesNoTrace())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("The database is not empty at base: it holds table legacy, which no revision"
                            + " created. Run the checks on a database only the migrations write to.");
        }
    }

    @Test
    void namedChecksSayWhichEngineFailed() throws Exception {
        try (TestDatabase db = TestDatabases.h2()) {
            assertThatThrownBy(() -> new MigrationChecks(engine(db, "two-heads"))
                            .named("billing")
                            .heads(1))
                    .hasMessageStartingWith("[billing] Expected 1 head revision, found 2:");
            new MigrationChecks(engine(db, "two-heads")).heads(2);
        }
    }

    private static Migrations engine(TestDatabase db, String scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations("classpath:checks/" + scripts)
                .load();
    }
}
