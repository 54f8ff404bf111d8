package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.api.Validation;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R13: a revision is known by the id in its header, never by where its file lies. The same scripts
 * read from a folder, from that folder on the classpath, from a jar, and from a renamed parent
 * folder are the same revisions with the same checksums: nothing runs again, nothing drifts.
 */
class LocationIdentityTest {

    @TempDir
    Path tmp;

    @Test
    void movingMigrationsBetweenAFolderAJarAndTheClasspathChangesNothing() throws Exception {
        Path root = tmp.resolve("app");
        Scripts scripts = new Scripts(root.resolve("db/migrations"));
        scripts.sql("a1", null, "CREATE TABLE t_a1 (id INTEGER PRIMARY KEY);", "DROP TABLE t_a1;");
        scripts.sql(
                "a2",
                "a1",
                "CREATE TABLE t_a2 (id INTEGER PRIMARY KEY);\r\nINSERT INTO t_a2 VALUES (1);",
                "DROP TABLE t_a2;");
        Files.createDirectories(scripts.dir().resolve("sub"));
        scripts.write(
                "sub/002_a3.sql",
                "\uFEFF-- revision: a3\n-- down_revision: a2\n\n-- +upgrade\n"
                        + "CREATE TABLE t_a3 (id INTEGER PRIMARY KEY);\n-- +downgrade\nDROP TABLE t_a3;\n");
        Path jar = jar(root, tmp.resolve("migrations.jar"));
        Path moved = tmp.resolve("elsewhere/renamed parent");
        copy(root, moved);

        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("app.db"));
                URLClassLoader fromJar =
                        new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                URLClassLoader fromFolder =
                        new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            Map<String, Migrations> engines = new LinkedHashMap<>();
            engines.put("folder", engine(db, "filesystem:" + root.resolve("db/migrations"), null));
            engines.put("jar", engine(db, "classpath:db/migrations", fromJar));
            engines.put("folder on the classpath", engine(db, "classpath:db/migrations", fromFolder));
            engines.put("renamed parent folder", engine(db, "filesystem:" + moved.resolve("db/migrations"), null));

            assertThat(engines.get("folder").upgrade("heads")).hasSize(3);
            Map<String, String> checksums = checksums(engines.get("folder"));
            engines.forEach((where, engine) -> {
                assertThat(checksums(engine)).as(where).isEqualTo(checksums);
                Validation validation = engine.validate();
                assertThat(validation.valid()).as(where + ": " + validation).isTrue();
                assertThat(validation.pending()).as(where).isEmpty();
                assertThat(engine.upgrade("heads")).as(where).isEmpty();
            });
            assertThat(engines.get("jar").appliedHistory()).hasSize(3);
        }
    }

    private static Migrations engine(TestDatabase db, String location, ClassLoader loader) {
        var config = Migrations.configure().dataSource(db.dataSource()).locations(location);
        return (loader == null ? config : config.classLoader(loader)).load();
    }

    /** Each revision's checksum as this engine computes it from the scripts it read. */
    private static Map<String, String> checksums(Migrations engine) {
        return engine.status().revisions().stream()
                .collect(Collectors.toMap(
                        DatabaseStatus.RevisionStatus::id,
                        DatabaseStatus.RevisionStatus::checksum,
                        (a, b) -> a,
                        TreeMap::new));
    }

    private static Path jar(Path root, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(root)) {
            // Folders get entries of their own, as Maven, Gradle and Boot's repackaging write them.
            for (Path path : files.filter(p -> !p.equals(root)).sorted().toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                boolean folder = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
