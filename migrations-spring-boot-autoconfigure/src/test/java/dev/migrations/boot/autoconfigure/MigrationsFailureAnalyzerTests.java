package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.EmbeddedDataSourceConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Real startup failures, and what Boot's failure report tells the user about each. */
class MigrationsFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
            .withUserConfiguration(EmbeddedDataSourceConfiguration.class)
            .withPropertyValues("spring.datasource.generate-unique-name=true");

    @Test
    void isRegisteredWithBoot() {
        // Boot's own analyzers need constructor arguments; only ours is looked for here.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(
                                FailureAnalyzer.class,
                                null,
                                SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(getClass()))))
                .hasAtLeastOneElementOfType(MigrationsFailureAnalyzer.class);
    }

    @Test
    void failedStatementNamesTheRevisionTheStatementAndWhereTheDatabaseStands() {
        FailureAnalysis analysis = analyze(runner.withPropertyValues("migrations.locations=classpath:db/broken"));
        assertThat(analysis.getDescription())
                .contains(
                        "Revision bad0002",
                        "0002_bad.sql",
                        "NO_SUCH_TABLE",
                        "INSERT INTO no_such_table VALUES (1)",
                        "applied 1 step(s) before this one (good0001); the database is now at good0001");
        assertThat(analysis.getAction()).contains("Fix the failing statement in revision bad0002");
    }

    @Test
    void severalHeadsSuggestAMerge() {
        FailureAnalysis analysis = analyze(
                runner.withPropertyValues("migrations.locations=classpath:db/twoheads", "migrations.target=head"));
        assertThat(analysis.getDescription()).contains("Multiple head revisions", "left0002", "right0002");
        assertThat(analysis.getAction())
                .contains("migrations merge -m \"merge heads\" heads", "migrations.target=heads");
    }

    @Test
    void checksumDriftNamesTheEditedScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("0001_notes.sql");
        Files.writeString(
                script,
                "-- revision: notes0001\n-- message: notes\n\n-- +upgrade\n"
                        + "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE notes;\n");
        ApplicationContextRunner onFiles = runner.withPropertyValues(
                "migrations.locations=filesystem:" + dir,
                "spring.datasource.generate-unique-name=false",
                "spring.datasource.name=drift");
        onFiles.run(first -> {
            assertThat(first).hasNotFailed();
            Files.writeString(script, Files.readString(script).replace("id INTEGER", "id BIGINT"));
            FailureAnalysis analysis = analyze(onFiles);
            assertThat(analysis.getDescription())
                    .contains("edited after they ran", "revision notes0001", "0001_notes.sql");
            assertThat(analysis.getAction()).contains("new revision", "migrations.validate-checksums=false");
        });
    }

    @Test
    void unreachableDatabaseSaysWhatToCheck() {
        FailureAnalysis analysis = analyze(
                runner.withPropertyValues("migrations.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2"));
        assertThat(analysis.getDescription()).contains("Cannot connect to the database");
        assertThat(analysis.getAction()).contains("database is running and reachable", "migrations.url");
    }

    @Test
    void validateModeSaysWhatIsPending() {
        FailureAnalysis analysis = analyze(runner.withPropertyValues("migrations.mode=validate"));
        assertThat(analysis.getDescription()).contains("at base", "2 revision(s) pending");
        assertThat(analysis.getDescription()).contains("migrations upgrade heads");
    }

    private static FailureAnalysis analyze(ApplicationContextRunner failing) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        failing.run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("the analyzer recognises the failure").isNotNull();
        return analysis[0];
    }
}
