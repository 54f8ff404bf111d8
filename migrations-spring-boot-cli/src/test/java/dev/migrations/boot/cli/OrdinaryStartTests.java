package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.boot.app.StartupProbe;
import dev.migrations.boot.app.TestApplication;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * Every application with the starter inherits the command line's run listener. Without {@code
 * migrations} as its first argument the application must run exactly as it would without the module:
 * nothing added to its environment, its output left where it was, its startup migration and JPA as
 * usual, and no exit.
 */
class OrdinaryStartTests {

    @Test
    void anApplicationStartedWithoutTheKeywordRunsAsIfTheCommandLineWereNotThere() {
        PrintStream out = System.out;
        String[] args = {
            "--spring.main.web-application-type=none",
            "--spring.datasource.url=jdbc:h2:mem:ordinary_" + System.nanoTime(),
            "report.csv"
        };
        try (ConfigurableApplicationContext context = SpringApplication.run(TestApplication.class, args)) {
            assertThat(System.out).as("stdout is the application's").isSameAs(out);
            List<String> sources = new ArrayList<>();
            for (PropertySource<?> source : context.getEnvironment().getPropertySources()) {
                sources.add(source.getName());
            }
            assertThat(sources).noneMatch(name -> name.startsWith("migrationsCommandLine"));
            assertThat(context.getEnvironment().getProperty("spring.main.lazy-initialization"))
                    .isNull();
            assertThat(context.getBean(Migrations.class).current()).containsExactly("b2f0c0de0002");
            assertThat(context.getBean(StartupProbe.class).emailsSeenByJdbc()).isNotNull();
        }
    }
}
