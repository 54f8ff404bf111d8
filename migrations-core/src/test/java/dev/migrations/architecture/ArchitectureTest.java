package dev.migrations.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's house rules, pinned: data flows one way through its stages (schema ← ops ← api ←
 * platform ← graph, scripts ← runtime ← autogenerate ← commands and facade; the lint beside runtime
 * and autogenerate, on platform, graph and scripts), everything one database
 * does stays in its platform package, no Spring in the engine, no package cycles, and no source file
 * grows past what one reader can hold.
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrations");

    private static final String[] DATABASE_PACKAGES = {
        "dev.migrations.platform.postgresql..",
        "dev.migrations.platform.sqlite..",
        "dev.migrations.platform.h2..",
        "dev.migrations.platform.mysql.."
    };

    @Test
    void stagesDependOnlyOnTheStagesBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("schema")
                .definedBy("dev.migrations.schema..")
                .layer("ops")
                .definedBy("dev.migrations.ops..")
                .layer("api")
                .definedBy("dev.migrations.api..")
                .layer("platform")
                .definedBy("dev.migrations.platform..")
                .layer("graph")
                .definedBy("dev.migrations.internal.graph..")
                .layer("scripts")
                .definedBy("dev.migrations.internal.script..")
                .layer("index")
                .definedBy("dev.migrations.index..")
                .layer("runtime")
                .definedBy("dev.migrations.internal.runtime..")
                .layer("autogenerate")
                .definedBy("dev.migrations.autogenerate..")
                .layer("lint")
                .definedBy("dev.migrations.lint..")
                .layer("commands")
                .definedBy("dev.migrations")
                .whereLayer("commands")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("autogenerate")
                .mayOnlyBeAccessedByLayers("commands")
                .whereLayer("runtime")
                .mayOnlyBeAccessedByLayers("autogenerate", "commands")
                .whereLayer("lint")
                .mayOnlyBeAccessedByLayers("commands")
                .whereLayer("index")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("scripts")
                .mayOnlyBeAccessedByLayers("index", "runtime", "lint", "commands")
                .whereLayer("graph")
                .mayOnlyBeAccessedByLayers("scripts", "runtime", "lint", "commands")
                .whereLayer("platform")
                .mayOnlyBeAccessedByLayers("runtime", "autogenerate", "lint", "commands")
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers(
                        "platform", "graph", "scripts", "index", "runtime", "autogenerate", "lint", "commands")
                .check(ENGINE);
    }

    @Test
    void theCommandsNeverReachBackIntoTheFacade() {
        noClasses()
                .that()
                .resideInAPackage("dev.migrations")
                .and()
                .doNotHaveSimpleName("MigrationsConfiguration")
                .and()
                .doNotHaveSimpleName("Migrations")
                .and()
                .doNotHaveSimpleName("Tenants") // the facade over many tenants' facades
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.migrations.Migrations")
                .check(ENGINE);
    }

    /** A new database is a package of its own; nothing outside the platform packages knows any one database. */
    @Test
    void nothingOutsideThePlatformPackagesKnowsAParticularDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.migrations.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DATABASE_PACKAGES)
                .check(ENGINE);
        slices().matching("dev.migrations.platform.(*)..")
                .should()
                .notDependOnEachOther()
                .check(ENGINE);
    }

    @Test
    void theEngineHasNoSpringAndNoPackageCycles() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(ENGINE);
        slices().matching("dev.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    /** The source-level view of the same rule: no database named in a string outside its platform package. */
    @Test
    void noDatabaseSwitchInTheSources() throws IOException {
        Pattern databaseName =
                Pattern.compile("\"(postgres|postgresql|sqlite|h2|mysql|mariadb)\"", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().replace('\\', '/').contains("/dev/migrations/platform/"))
                    .filter(f -> databaseName.matcher(withoutComments(read(f))).find())
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** Every main source file of every module stays readable in one sitting. */
    @Test
    void noMainSourceFileIsLongerThanOneReaderCanHold() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            List<String> tooLong = files.filter(
                            f -> f.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .filter(f -> read(f).lines().count() > 400)
                    .map(f -> f + " (" + read(f).lines().count() + " lines)")
                    .toList();
            assertThat(tooLong).isEmpty();
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
