package dev.migrations.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.Validation;
import dev.migrations.internal.script.Location;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import dev.migrations.testing.LogCapture;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine reading a built module's index instead of scanning it, and falling back when it is stale. */
class IndexedBootTest {

    private static final String INDEXED_ROOTS = "dev.migrations.internal.script.IndexedRoots";

    @TempDir
    Path tmp;

    private IndexedBuild built() throws IOException {
        IndexedBuild build = new IndexedBuild(tmp.resolve("module"));
        build.resource("db/migrations/V1__one.sql", IndexedBuild.sql("aaaa0001", null, "t_one"));
        build.source("db.migrations.V2", RevisionIndexProcessorTest.JAVA_REVISION);
        build.source("db.migrations.Helper", RevisionIndexProcessorTest.HELPER);
        return build.compile();
    }

    private static ScriptDirectory load(ClassLoader loader) {
        return ScriptDirectory.load(List.of(Location.parse("classpath:db/migrations")), loader);
    }

    private static Migrations migrations(TestDatabase db, ClassLoader loader) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .classLoader(loader)
                .locations("classpath:db/migrations")
                .load();
    }

    private static LogCapture debugOf() throws ClassNotFoundException {
        LogCapture log = LogCapture.of(Class.forName(INDEXED_ROOTS));
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(INDEXED_ROOTS))
                .setLevel(ch.qos.logback.classic.Level.DEBUG);
        return log;
    }

    /** Same size, older time: a listing cannot tell, so what the engine shows came from the index alone. */
    private static void rewriteUnnoticed(Path file, String from, String to) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace(from, to));
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void aBootReadsTheIndexWithoutOpeningAScriptAndAnApplyReadsOnlyWhatRuns() throws Exception {
        IndexedBuild build = built();
        Path file = build.classes.resolve("db/migrations/V1__one.sql");
        rewriteUnnoticed(file, "message: create t_one", "message: CREATE T_ONE");
        try (LogCapture log = debugOf()) {
            ScriptDirectory scripts = load(build.loader());
            assertThat(scripts.scripts())
                    .extracting(MigrationScript::id)
                    .containsExactlyInAnyOrder("aaaa0001", "bbbb0002");
            assertThat(scripts.script("aaaa0001").message())
                    .as("from the index")
                    .isEqualTo("create t_one");
            assertThat(scripts.script("bbbb0002").transactional()).isFalse();
            assertThat(log.joined()).doesNotContain("Scanning");
        }
        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("a.db"))) {
            Migrations m = migrations(db, build.loader());
            assertThat(m.upgrade("heads")).extracting(AppliedStep::revision).containsExactly("aaaa0001", "bbbb0002");
            assertThat(m.validate().valid()).isTrue();
            assertThat(m.upgrade("heads")).isEmpty();
        }
    }

    @Test
    void aScriptChangedBehindTheIndexsBackIsRefusedWhenItRuns() throws Exception {
        IndexedBuild build = built();
        rewriteUnnoticed(build.classes.resolve("db/migrations/V1__one.sql"), "t_one", "t_ONE");
        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("b.db"))) {
            Migrations m = migrations(db, build.loader());
            assertThatThrownBy(() -> m.upgrade("heads"))
                    .hasMessageContaining("aaaa0001")
                    .hasMessageContaining("db/migrations/V1__one.sql")
                    .hasMessageContaining("changed after the build indexed it")
                    .hasMessageContaining("Rebuild the application");
            assertThat(m.current()).isEmpty();
        }
    }

    @Test
    void aFileAddedAfterTheBuildSendsTheEngineBackToScanningSaidOnceAtDebug() throws Exception {
        IndexedBuild build = built();
        build.resource("db/migrations/V3__three.sql", IndexedBuild.sql("cccc0003", "bbbb0002", "t_three"));
        try (LogCapture log = debugOf()) {
            ScriptDirectory scripts = load(build.loader());
            assertThat(scripts.scripts())
                    .extracting(MigrationScript::id)
                    .containsExactlyInAnyOrder("aaaa0001", "bbbb0002", "cccc0003");
            assertThat(log.messages())
                    .singleElement()
                    .asString()
                    .contains("Scanning the migrations in", "V3__three.sql is not in its index");
        }
    }

    @Test
    void anIndexOfAnotherFormatIsIgnored() throws Exception {
        IndexedBuild build = built();
        Path index = build.index("db/migrations");
        Files.writeString(index, Files.readString(index).replace("format\t1", "format\t99"));
        try (LogCapture log = debugOf()) {
            assertThat(load(build.loader()).scripts()).hasSize(2);
            assertThat(log.joined()).contains("of another format than 1");
        }
    }

    /** The drift guarantee holds on both paths: scanned (stale index) and indexed (rebuilt). */
    @Test
    void anEditedAppliedScriptIsCaughtWithAndWithoutTheIndex() throws Exception {
        IndexedBuild build = built();
        Path file = build.classes.resolve("db/migrations/V1__one.sql");
        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("c.db"))) {
            migrations(db, build.loader()).upgrade("heads");
            Files.writeString(file, Files.readString(file).replace("(id INTEGER PRIMARY KEY)", "(id BIGINT)"));
            FileTime indexTime = Files.getLastModifiedTime(build.index("db/migrations"));
            Files.setLastModifiedTime(file, FileTime.fromMillis(indexTime.toMillis() + 1));

            try (LogCapture log = debugOf()) {
                Validation scanned = migrations(db, build.loader()).validate();
                assertThat(log.joined()).contains("V1__one.sql changed after its index was written");
                assertThat(scanned.checksumMismatches())
                        .extracting(Validation.ChecksumMismatch::revision)
                        .containsExactly("aaaa0001");
            }

            build.compile(); // the next build indexes the edited file
            try (LogCapture log = debugOf()) {
                Validation indexed = migrations(db, build.loader()).validate();
                assertThat(log.joined()).doesNotContain("Scanning");
                assertThat(indexed.checksumMismatches())
                        .extracting(Validation.ChecksumMismatch::revision)
                        .containsExactly("aaaa0001");
            }
        }
    }

    @Test
    void aJarCarriesItsIndexAndItsScriptsAreReadFromTheJarWhenTheyRun() throws Exception {
        IndexedBuild build = built();
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(build.classes)) {
            for (Path f :
                    (Iterable<Path>) files.filter(p -> !p.equals(build.classes)).sorted()::iterator) {
                String name = build.classes.relativize(f).toString().replace('\\', '/');
                // directory entries too, as the jar plugin writes them: a class loader finds a folder by them
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
        ClassLoader loader = IndexedBuild.loader(jar);
        try (LogCapture log = debugOf();
                TestDatabase db = TestDatabases.sqlite(tmp.resolve("d.db"))) {
            Migrations m = migrations(db, loader);
            assertThat(m.upgrade("heads")).extracting(AppliedStep::revision).containsExactly("aaaa0001", "bbbb0002");
            assertThat(m.validate().valid()).isTrue();
            assertThat(log.joined()).doesNotContain("Scanning");
        }
    }
}
