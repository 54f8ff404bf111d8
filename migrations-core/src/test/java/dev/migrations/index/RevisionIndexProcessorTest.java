package dev.migrations.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.RevisionIndex;
import dev.migrations.internal.script.SqlScriptParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor run by javac over real sources, as a Maven compile runs it. */
class RevisionIndexProcessorTest {

    @TempDir
    Path tmp;

    static final String JAVA_REVISION = """
            package db.migrations;

            import dev.migrations.api.Migration;
            import dev.migrations.api.Ops;
            import dev.migrations.api.Revision;

            @Revision(id = "bbbb0002", down = " aaaa0001 ", branchLabels = "billing", message = "two\\tthings",
                    transactional = false, lintIgnore = {"drop-column: nobody reads it, really", "x: y"})
            public class V2 implements Migration {
                public void upgrade(Ops ops) { ops.execute("CREATE TABLE t_two (id INTEGER)"); }
                public void downgrade(Ops ops) { ops.execute("DROP TABLE t_two"); }
            }
            """;

    static final String HELPER = """
            package db.migrations;

            final class Helper {
                static String name() { return "helper"; }
            }
            """;

    @Test
    void indexesTheSqlFilesAndRevisionClassesOfTheCompiledModule() throws IOException {
        IndexedBuild build = new IndexedBuild(tmp);
        String sql = IndexedBuild.sql("aaaa0001", null, "t_one");
        build.resource("db/migrations/sub/V1__one.sql", sql);
        build.source("db.migrations.V2", JAVA_REVISION);
        build.source("db.migrations.Helper", HELPER);
        build.compile();

        RevisionIndex index = RevisionIndex.read(Files.readString(build.index("db/migrations")))
                .orElseThrow();
        assertThat(index.location()).isEqualTo("db/migrations");
        List<RevisionIndex.Entry> entries = index.entries();
        assertThat(entries)
                .extracting(RevisionIndex.Entry::kind, RevisionIndex.Entry::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RevisionIndex.Kind.SQL, "sub/V1__one.sql"),
                        org.assertj.core.groups.Tuple.tuple(RevisionIndex.Kind.CLASS, "db.migrations.Helper"),
                        org.assertj.core.groups.Tuple.tuple(RevisionIndex.Kind.JAVA, "db.migrations.V2"));

        RevisionIndex.Entry file = entries.get(0);
        assertThat(file.size()).isEqualTo(sql.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.checksum())
                .as("the engine's own checksum of the file")
                .isEqualTo(SqlScriptParser.parse("x.sql", sql).checksum());
        assertThat(file.header().id()).isEqualTo("aaaa0001");
        assertThat(file.header().message()).isEqualTo("create t_one");

        RevisionIndex.Entry java = entries.get(2);
        MigrationScript.Header header = java.header();
        assertThat(header.id()).isEqualTo("bbbb0002");
        assertThat(header.downRevisions()).containsExactly("aaaa0001");
        assertThat(header.branchLabels()).containsExactly("billing");
        assertThat(header.message()).isEqualTo("two\tthings");
        assertThat(header.transactional()).isFalse();
        assertThat(header.lintIgnore()).containsExactly("drop-column: nobody reads it, really", "x: y");
        assertThat(java.checksum()).as("only the running class can give it").isNull();
        assertThat(build.warnings).isEmpty();
    }

    @Test
    void indexesTheLocationsGivenAsAnOptionAndThePackagesOfRevisionClasses() throws IOException {
        IndexedBuild build = new IndexedBuild(tmp);
        build.resource("db/billing/V1__one.sql", IndexedBuild.sql("aaaa0001", null, "t_one"));
        build.source(
                "com.example.schema.V2",
                JAVA_REVISION.replace("package db.migrations;", "package com.example.schema;"));
        build.compile("-Amigrations.locations=classpath:db/billing/");

        assertThat(RevisionIndex.read(Files.readString(build.index("db/billing")))
                        .orElseThrow()
                        .entries())
                .extracting(RevisionIndex.Entry::path)
                .containsExactly("V1__one.sql");
        assertThat(RevisionIndex.read(Files.readString(build.index("com/example/schema")))
                        .orElseThrow()
                        .entries())
                .extracting(RevisionIndex.Entry::path)
                .containsExactly("com.example.schema.V2");
        assertThat(build.index("db/migrations")).as("nothing to index there").doesNotExist();
    }

    @Test
    void aMalformedScriptGetsNoIndexAndAWarningNamingIt() throws IOException {
        IndexedBuild build = new IndexedBuild(tmp);
        build.resource("db/migrations/V1__bad.sql", "-- revision: aaaa0001\nCREATE TABLE t (id INT);\n");
        build.source("db.migrations.Helper", HELPER);
        build.compile();

        assertThat(build.index("db/migrations")).doesNotExist();
        assertThat(build.warnings)
                .singleElement()
                .asString()
                .contains("no revision index for db/migrations", "db/migrations/V1__bad.sql", "scanned at run time");
    }

    @Test
    void aMigrationClassWithoutItsHeaderGetsNoIndexAndAWarning() throws IOException {
        IndexedBuild build = new IndexedBuild(tmp);
        build.source("db.migrations.V2", JAVA_REVISION.replaceAll("(?s)@Revision\\(.*?\\)\\s*public", "public"));
        build.compile();

        assertThat(build.index("db/migrations")).doesNotExist();
        assertThat(build.warnings)
                .singleElement()
                .asString()
                .contains("db.migrations.V2", "has no @Revision annotation");
    }

    @Test
    void javacFindsTheProcessorThroughTheEnginesServiceEntry() throws IOException {
        try (InputStream in = RevisionIndexProcessor.class.getResourceAsStream(
                "/META-INF/services/javax.annotation.processing.Processor")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(RevisionIndexProcessor.class.getName());
        }
    }
}
