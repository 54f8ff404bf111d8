package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.index.SqlIndexEntries;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.RevisionIndex;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.javapoet.ClassName;

/** The native-image hints made from the build-time revision index are exactly what the engine reads. */
class MigrationsIndexHintsTests {

    @TempDir
    Path root;

    /** A classpath root as the build leaves it: SQL files, and the index the processor writes. */
    private ClassLoader indexedRoot(String location) throws IOException {
        Path dir = Files.createDirectories(root.resolve(location));
        Files.writeString(
                dir.resolve("V1__one.sql"),
                "-- revision: aaaa0001\n-- message: one\n\n-- +upgrade\nCREATE TABLE t (id INT);\n\n"
                        + "-- +downgrade\nDROP TABLE t;\n");
        Files.writeString(dir.resolve("notes.txt"), "not a revision");
        List<RevisionIndex.Entry> entries = new ArrayList<>(SqlIndexEntries.of(dir, location));
        String javaRevision = location.replace('/', '.') + ".V2";
        entries.add(new RevisionIndex.Entry(
                RevisionIndex.Kind.JAVA,
                javaRevision,
                -1,
                -1,
                null,
                new MigrationScript.Header("bbbb0002", List.of("aaaa0001"), List.of(), List.of(), "", "", true)));
        entries.add(new RevisionIndex.Entry(
                RevisionIndex.Kind.CLASS, location.replace('/', '.') + ".Helper", -1, -1, null, null));
        Files.writeString(dir.resolve(RevisionIndex.FILE_NAME), new RevisionIndex(location, entries).write());
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void theDefaultLocationsIndexedFilesAndClassesAreKeptExactly() throws IOException {
        RuntimeHints hints = new RuntimeHints();
        new MigrationsAutoConfiguration.MigrationsRuntimeHints().registerHints(hints, indexedRoot("db/migrations"));

        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/migrations.index"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/V1__one.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of("db.migrations.V2"))
                        .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/notes.txt"))
                .as("exact, not the whole folder")
                .rejects(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("db.migrations.Helper")))
                .as("the engine never instantiates a class that is not a revision")
                .rejects(hints);
    }

    @Test
    void aLocationWithoutAnIndexKeepsItsWholeFolder() {
        RuntimeHints hints = new RuntimeHints();
        new MigrationsAutoConfiguration.MigrationsRuntimeHints()
                .registerHints(hints, new URLClassLoader(new URL[0], null));

        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/sub/V1__one.sql"))
                .accepts(hints);
    }

    @Test
    void processAotContributesHintsForTheConfiguredLocations() throws IOException {
        ClassLoader loader = indexedRoot("db/billing");
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.setBeanClassLoader(loader);
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test", Map.of("migrations.locations", "classpath:db/billing,filesystem:/srv/sql")));
        beanFactory.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, environment);

        BeanFactoryInitializationAotContribution contribution =
                new MigrationsIndexAotProcessor().processAheadOfTime(beanFactory);
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
        contribution.applyTo(generation, null);
        RuntimeHints hints = generation.getRuntimeHints();

        assertThat(RuntimeHintsPredicates.resource().forResource("db/billing/migrations.index"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/billing/V1__one.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of("db.billing.V2"))
                        .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/V1__one.sql"))
                .as("the default location is not configured")
                .rejects(hints);
    }

    @Test
    void aVendorLocationKeepsEveryVendorsFolder() {
        RuntimeHints hints = new RuntimeHints();
        MigrationsIndexHints.register(
                hints, new URLClassLoader(new URL[0], null), List.of("classpath:db/{vendor}", "filesystem:/srv/sql"));

        assertThat(RuntimeHintsPredicates.resource().forResource("db/postgresql/V1__one.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("srv/sql/V1__one.sql"))
                .rejects(hints);
    }

    @Test
    void processAotContributesNothingWhenMigrationsAreDisabled() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("migrations.enabled", "false")));
        beanFactory.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, environment);

        assertThat(new MigrationsIndexAotProcessor().processAheadOfTime(beanFactory))
                .isNull();
    }
}
