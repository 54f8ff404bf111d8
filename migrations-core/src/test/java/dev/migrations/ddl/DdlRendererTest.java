package dev.migrations.ddl;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.RenameTable;
import dev.migrations.schema.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identifier quoting and literal rendering: what must never be pasted into SQL unchecked. */
class DdlRendererTest {

    @Test
    void reservedWordsAndMixedCaseAreQuotedPlainNamesAreNot() {
        assertThat(Dialect.POSTGRESQL.identifier("order")).isEqualTo("\"order\"");
        assertThat(Dialect.POSTGRESQL.identifier("user")).isEqualTo("\"user\"");
        assertThat(Dialect.POSTGRESQL.identifier("select")).isEqualTo("\"select\"");
        assertThat(Dialect.POSTGRESQL.identifier("createdAt")).isEqualTo("\"createdAt\"");
        assertThat(Dialect.POSTGRESQL.identifier("line_items")).isEqualTo("line_items");
        assertThat(Dialect.POSTGRESQL.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Dialect.SQLITE.identifier("order")).isEqualTo("\"order\"");
        assertThat(Dialect.H2.identifier("user")).isEqualTo("\"user\"");
    }

    @Test
    void h2QuotesOnlyItsOwnKeywordsBecauseQuotingChangesTheStoredCase() {
        // "value" is reserved in H2 but not in PostgreSQL; "comment" in neither.
        assertThat(Dialect.H2.identifier("value")).isEqualTo("\"value\"");
        assertThat(Dialect.POSTGRESQL.identifier("value")).isEqualTo("value");
        assertThat(Dialect.H2.identifier("comment")).isEqualTo("comment");
    }

    @Test
    void namesPostgresWouldTruncateOrThatHoldControlCharactersAreRefused() {
        assertThatThrownBy(() -> Dialect.POSTGRESQL.identifier("x".repeat(64)))
                .hasMessageContaining("63 bytes");
        assertThatThrownBy(() -> Dialect.SQLITE.identifier("a\nb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> DdlRenderer.of(Dialect.POSTGRESQL)
                .render(new RenameTable(null, "t", ""))).hasMessageContaining("empty");
    }

    @Test
    void rawTypesMustLookLikeTypes() {
        assertThat(ColumnType.raw("numeric(10, 2)").raw()).isEqualTo("numeric(10, 2)");
        assertThat(ColumnType.raw("int[]").raw()).isEqualTo("int[]");
        assertThat(ColumnType.raw("timestamp with time zone").raw()).isEqualTo("timestamp with time zone");
        assertThatThrownBy(() -> ColumnType.raw("int; DROP TABLE users")).hasMessageContaining("Not a type name");
    }

    @Test
    void literalsAreEscapedPerDatabase() {
        BulkInsert insert = new BulkInsert(null, "order", List.of(Map.of("note", "it's", "paid", true)));
        assertThat(String.join("", DdlRenderer.of(Dialect.POSTGRESQL).render(insert))).contains("'it''s'")
                .contains("TRUE");
        assertThat(String.join("", DdlRenderer.of(Dialect.SQLITE).render(insert))).contains("'it''s'")
                .doesNotContain("TRUE");
        assertThat(DdlRenderer.of(Dialect.POSTGRESQL).literals().value(new byte[] {1, (byte) 0xff}))
                .isEqualTo("'\\x01ff'::bytea");
    }

    @Test
    void addColumnWithAForeignKeyIsOneStatementOnSqliteAndTwoElsewhere() {
        AddColumn add = new AddColumn(null, "order", column("owner", BIGINT).references("user", "id"));
        assertThat(DdlRenderer.of(Dialect.SQLITE).render(add)).singleElement().asString()
                .contains("REFERENCES \"user\" (id)");
        assertThat(DdlRenderer.of(Dialect.POSTGRESQL).render(add)).hasSize(2);
        assertThat(DdlRenderer.of(Dialect.SQLITE).needsRebuild(
                new AddColumn(null, "t", column("c", varchar(5)).notNull()))).isTrue();
    }
}
