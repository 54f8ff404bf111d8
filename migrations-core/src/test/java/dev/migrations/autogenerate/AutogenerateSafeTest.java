package dev.migrations.autogenerate;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.primaryKey;
import static dev.migrations.schema.Dsl.table;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.GeneratedRevision;
import dev.migrations.Migrations;
import dev.migrations.RevisionRequest;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.lint.LintReport;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate} on PostgreSQL tables that hold rows: the lint's findings become
 * comments above the steps they concern; with {@code --safe} the index is built concurrently and the
 * foreign key added NOT VALID, validated in a second, non-transactional revision, and both apply.
 */
class AutogenerateSafeTest {

    @TempDir
    Path tmp;

    static SchemaSnapshot before() {
        return new SchemaSnapshot(
                List.of(
                        table("author", column("id", BIGINT).notNull(), primaryKey("author_pkey", "id")),
                        table(
                                "book",
                                column("id", BIGINT).notNull(),
                                column("author_id", BIGINT),
                                column("title", varchar(100)),
                                primaryKey("book_pkey", "id"))),
                List.of());
    }

    static SchemaSnapshot after() {
        return new SchemaSnapshot(
                List.of(
                        table("author", column("id", BIGINT).notNull(), primaryKey("author_pkey", "id")),
                        table(
                                "book",
                                column("id", BIGINT).notNull(),
                                column("author_id", BIGINT),
                                column("title", varchar(100)),
                                primaryKey("book_pkey", "id"),
                                foreignKey("fk_book_author", "author_id").references("author", "id"),
                                index("ix_book_author", "book", "author_id"))),
                List.of());
    }

    private static RevisionRequest request(String message, boolean safe) {
        return RevisionRequest.of(message)
                .autogenerate(new RevisionRequest.Autogenerate(after(), Renames.NONE, null).safe(safe));
    }

    @Test
    void findingsAreCommentsAndTheSafeFormIsTwoRevisionsThatApply() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, tmp)) {
            GeneratedRevisions generated = new GeneratedRevisions(tmp);
            generated.write(db, before(), Renames.NONE, "create tables");
            generated.migrations(db).upgrade("heads");
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO author (id) VALUES (1)");
                s.execute("INSERT INTO book (id, author_id, title) VALUES (1, 1, 'Notes')");
            }

            GeneratedRevision plain = generated.migrations(db).revision(request("link books", false));
            String source = Files.readString(plain.file());
            assertThat(plain.followUp()).isNull();
            assertThat(plain.lint().rules()).contains("foreign-key-validates", "index-not-concurrent");
            assertThat(source)
                    .contains("// lint error foreign-key-validates: foreign key fk_book_author is checked against"
                            + " every row of book")
                    .contains(
                            "//     ops.addConstraintNotValid(\"book\", foreignKey(\"fk_book_author\", \"author_id\")")
                    .contains("// lint error index-not-concurrent: CREATE INDEX ix_book_author blocks writes to book");
            assertThat(source.indexOf("// lint error index-not-concurrent"))
                    .isLessThan(source.indexOf("ops.createIndex(index(\"ix_book_author\""));
            Files.delete(plain.file());

            GeneratedRevision safe = generated.migrations(db).revision(request("link books safely", true));
            String main = Files.readString(safe.file());
            String followUp = Files.readString(safe.followUp());
            assertThat(main)
                    .contains("ops.addConstraintNotValid(\"book\", foreignKey(\"fk_book_author\", \"author_id\")")
                    .doesNotContain("createIndex")
                    .doesNotContain("transactional = false")
                    .doesNotContain("// lint");
            assertThat(followUp)
                    .contains("transactional = false")
                    .contains("ops.createIndexConcurrently(index(\"ix_book_author\", \"book\", \"author_id\"));")
                    .contains("ops.validateConstraint(\"book\", \"fk_book_author\");")
                    .contains("ops.dropIndexConcurrently(index(\"ix_book_author\", \"book\", \"author_id\"));")
                    .doesNotContain("// lint");
            assertThat(safe.lint().findings()).isEmpty();
            generated.compile();

            Migrations migrations = generated.migrations(db);
            LintReport pending = migrations.lint(null);
            assertThat(pending.revisions()).hasSize(2);
            assertThat(pending.findings()).isEmpty();
            migrations.upgrade("heads");
            assertThat(migrations.check(after()).passed()).isTrue();
            migrations.downgrade("-2");
            assertThat(migrations.inspectSchema().table("book").orElseThrow().normalized())
                    .satisfies(book -> {
                        assertThat(book.indexes()).isEmpty();
                        assertThat(book.constraints()).noneMatch(c -> "fk_book_author".equals(c.name()));
                    });
        }
    }
}
