package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.autoconfigure.EntitySchemaCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** How {@code app migrations <command>} reshapes the application before it starts. */
class MigrationsCommandLineRunListenerTests {

    @Test
    void onlyArgumentsStartingWithMigrationsSelectTheCommandLine() {
        assertThat(MigrationsCommandLineRunListener.commandArgs(new String[] {"migrations", "current", "-v"}))
                .containsExactly("current", "-v");
        assertThat(MigrationsCommandLineRunListener.commandArgs(
                        new String[] {"--server.port=0", "migrations", "heads"}))
                .containsExactly("heads");
        assertThat(MigrationsCommandLineRunListener.commandArgs(new String[] {"serve", "migrations"}))
                .isNull();
        assertThat(MigrationsCommandLineRunListener.commandArgs(new String[] {"--debug"}))
                .isNull();
    }

    @Test
    void commandRunsWithoutWebServerStartupMigrationOrJpa() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application",
                        Map.of(
                                "spring.autoconfigure.exclude",
                                "com.example.UserExcluded",
                                "migrations.mode",
                                "upgrade")));
        listener("migrations", "upgrade", "head").environmentPrepared(null, environment);
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("migrations.mode")).isEqualTo("none");
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
        assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                .startsWith("com.example.UserExcluded,")
                .contains("HibernateJpaAutoConfiguration", "DataJpaRepositoriesAutoConfiguration");
    }

    @Test
    void entityCommandsKeepJpa() {
        for (String[] args :
                new String[][] {{"migrations", "revision", "-m", "x", "--autogenerate"}, {"migrations", "check"}}) {
            StandardEnvironment environment = new StandardEnvironment();
            listener(args).environmentPrepared(null, environment);
            assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                    .as(String.join(" ", args))
                    .isNull();
            assertThat(environment.getProperty(EntitySchemaCapture.ENABLED)).isEqualTo("true");
        }
        StandardEnvironment plainRevision = new StandardEnvironment();
        listener("migrations", "revision", "-m", "x").environmentPrepared(null, plainRevision);
        assertThat(plainRevision.getProperty("spring.autoconfigure.exclude")).contains("HibernateJpaAutoConfiguration");
    }

    @Test
    void aMistypedKeywordIsToldFromTheApplicationsOwnArguments() {
        assertThat(KeywordTypos.nearMiss(new String[] {"migration", "upgrade", "head"}, 0))
                .isEqualTo("migration");
        assertThat(KeywordTypos.nearMiss(new String[] {"Migrations", "current"}, 0))
                .isEqualTo("Migrations");
        assertThat(KeywordTypos.nearMiss(new String[] {"--debug", "migratoins", "--help"}, 1))
                .isEqualTo("migratoins");
        assertThat(KeywordTypos.nearMiss(new String[] {"migrations", "current"}, 0))
                .isNull();
        assertThat(KeywordTypos.nearMiss(new String[] {"migration", "report.csv"}, 0))
                .as("the application's own")
                .isNull();
        assertThat(KeywordTypos.nearMiss(new String[] {"import", "upgrade"}, 0)).isNull();
        assertThat(KeywordTypos.distance("migratoins", "migrations")).isEqualTo(2);
    }

    @Test
    void ordinaryStartsAreLeftAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        int sources = environment.getPropertySources().size();
        listener("--server.port=8080").environmentPrepared(null, environment);
        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }

    private static MigrationsCommandLineRunListener listener(String... args) {
        return new MigrationsCommandLineRunListener(new SpringApplication(), args);
    }
}
