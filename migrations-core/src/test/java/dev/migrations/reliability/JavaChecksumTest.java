package dev.migrations.reliability;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrations.Migrations;
import dev.migrations.api.ChecksumDriftException;
import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.fixtures.golden.GoldenJavaRevisions;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java revisions are protected against edits like SQL ones: their checksum is taken from what their
 * code asks for (the operations it records without a database), never from compiled bytes, so it is
 * pinned for good, survives a recompilation or a rewrite that does the same, and changes with any
 * edit that changes what runs.
 */
class JavaChecksumTest {

    private static final Map<String, Migration> GOLDEN = new TreeMap<>(Map.of(
            "create_tables", GoldenJavaRevisions.CREATE_TABLES,
            "alter", GoldenJavaRevisions.ALTER,
            "data", GoldenJavaRevisions.DATA,
            "reads_data", GoldenJavaRevisions.READS_DATA));

    @TempDir
    Path tmp;

    @Test
    void theGoldenJavaRevisionsKeepTheirRecordedChecksums() throws IOException {
        Properties recorded = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/java-checksums.properties")) {
            recorded.load(in);
        }
        Map<String, String> now = new TreeMap<>();
        GOLDEN.forEach((name, migration) -> now.put(name, checksum(name, migration)));
        assertThat(now).as("recorded: %s", recorded).containsExactlyInAnyOrderEntriesOf(asMap(recorded));
    }

    @Test
    void theSameOperationsWrittenDifferentlyHaveTheSameChecksum() {
        ReversibleMigration lambda = ops -> ops.addColumn("book", column("isbn", varchar(13)));
        Migration anonymous = new Migration() {
            @Override
            public void upgrade(Ops ops) {
                String table = "book";
                ops.addColumn(table, column("isbn", varchar(6 + 7)));
            }

            @Override
            public void downgrade(Ops ops) {
                ops.dropColumn("book", column("isbn", varchar(13)));
            }
        };
        assertThat(checksum("a", lambda)).isEqualTo(checksum("b", anonymous));
        assertThat(checksum("c", (ReversibleMigration) ops -> ops.addColumn("book", column("isbn", varchar(14)))))
                .isNotEqualTo(checksum("a", lambda));
    }

    @Test
    void whatFollowsAReadOfDataIsNotCoveredAndTheChecksumSaysSoByStayingPut() {
        Migration readsThenWrites = new Migration() {
            @Override
            public void upgrade(Ops ops) {
                ops.addColumn("book", column("slug", varchar(200)));
                ops.query("SELECT id, title FROM book", row -> {});
                ops.execute("UPDATE book SET slug = lower(title)");
            }

            @Override
            public void downgrade(Ops ops) {
                ops.dropColumn("book", "slug");
            }
        };
        Migration readsThenWritesOtherwise = new Migration() {
            @Override
            public void upgrade(Ops ops) {
                ops.addColumn("book", column("slug", varchar(200)));
                ops.query("SELECT id, title FROM book", row -> {});
                ops.execute("UPDATE book SET slug = upper(title)");
            }

            @Override
            public void downgrade(Ops ops) {
                ops.dropColumn("book", "slug");
            }
        };
        assertThat(checksum("x", readsThenWrites)).isEqualTo(checksum("y", readsThenWritesOtherwise));
    }

    /** The edit of an applied Java revision is drift, caught before anything else runs. */
    @Test
    void anEditedAppliedJavaRevisionIsCaught() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(tmp.resolve("edited.db"))) {
            MigrationScript original = CodeRevisions.reversible(
                    "j1",
                    null,
                    ops -> ops.createTable("t", column("id", BIGINT).primaryKey(), column("v", varchar(10))));
            engine(db, original).upgrade("heads");

            MigrationScript edited = CodeRevisions.reversible(
                    "j1",
                    null,
                    ops -> ops.createTable("t", column("id", BIGINT).primaryKey(), column("v", varchar(20))));
            Migrations later = engine(db, edited);
            assertThat(later.validate().checksumMismatches())
                    .singleElement()
                    .satisfies(m -> assertThat(m.revision()).isEqualTo("j1"));
            assertThat(catchThrowable(() -> later.upgrade("heads")))
                    .isInstanceOf(ChecksumDriftException.class)
                    .hasMessageContaining("revision j1");

            assertThat(engine(
                                    db,
                                    CodeRevisions.reversible(
                                            "j1",
                                            null,
                                            ops -> ops.createTable(
                                                    "t", column("id", BIGINT).primaryKey(), column("v", varchar(10)))))
                            .validate()
                            .valid())
                    .as("the same code compiled again is no drift")
                    .isTrue();
        }
    }

    private static Migrations engine(TestDatabase db, MigrationScript script) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(script)
                .load();
    }

    private static String checksum(String id, Migration migration) {
        return CodeRevisions.of(id, null, true, migration).checksum();
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
