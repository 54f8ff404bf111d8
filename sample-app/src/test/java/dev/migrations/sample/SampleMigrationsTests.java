package dev.migrations.sample;

import dev.migrations.test.MigrationsTest;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's revisions under the built-in checks, as a user of the starter writes them: one head,
 * every revision applies from empty, the entities match the schema at the heads, every revision
 * downgrades back to the schema it started from, and base to heads to base leaves nothing behind.
 * On SQLite (the sample's own database, with its table rebuilds) and on PostgreSQL.
 */
class SampleMigrationsTests {

    @Nested
    @SpringBootTest
    @DirtiesContext
    class OnSqlite {

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            Path file = Path.of("target", "sample-migrations-test.db");
            file.toFile().delete();
            registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
        }

        @MigrationsTest
        void migrations() {}
    }

    @Nested
    @SpringBootTest
    @DirtiesContext
    class OnPostgres {

        static final TestDatabase database = TestDatabases.postgres();

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", database::url);
        }

        @AfterAll
        static void dropSchema() throws Exception {
            database.close();
        }

        @MigrationsTest
        void migrations() {}
    }
}
