package dev.migrations.platform;

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

    private static final SqlDialect POSTGRES = Platforms.named("postgresql").sql();
    private static final SqlDialect SQLITE = Platforms.named("sqlite").sql();
    private static final SqlDialect H2 = Platforms.named("h2").sql();

    /** NOT VALID, VALIDATE and USING INDEX on PostgreSQL; a plain add (and nothing to validate) elsewhere. */
    @Test
    void constraintsAddedWithoutACheckOrOverAnIndex() {
        dev.migrations.schema.ForeignKey key =
                dev.migrations.schema.Dsl.foreignKey("fk_o_u", "user_id").references("user", "id");
        dev.migrations.ops.AddConstraint notValid =
                new dev.migrations.ops.AddConstraint(null, "order", key).withoutValidation();
        dev.migrations.ops.AddConstraint overIndex = new dev.migrations.ops.AddConstraint(
                        null, "user", dev.migrations.schema.Dsl.unique("uq_email", "email"))
                .usingIndex("ux_email");
        dev.migrations.ops.ValidateConstraint validate =
                new dev.migrations.ops.ValidateConstraint(null, "order", "fk_o_u");
        DdlRenderer postgres = Platforms.named("postgresql").ddl();
        assertThat(postgres.render(notValid))
                .containsExactly("ALTER TABLE \"order\" ADD CONSTRAINT fk_o_u FOREIGN KEY (user_id) REFERENCES \"user\""
                        + " (id) NOT VALID");
        assertThat(postgres.render(validate)).containsExactly("ALTER TABLE \"order\" VALIDATE CONSTRAINT fk_o_u");
        assertThat(postgres.render(overIndex))
                .containsExactly("ALTER TABLE \"user\" ADD CONSTRAINT uq_email UNIQUE USING INDEX ux_email");
        DdlRenderer h2 = Platforms.named("h2").ddl();
        assertThat(h2.render(notValid)).singleElement().asString().doesNotContain("NOT VALID");
        assertThat(h2.render(validate)).isEmpty();
        assertThat(h2.render(overIndex)).containsExactly("ALTER TABLE \"user\" ADD CONSTRAINT uq_email UNIQUE (email)");
        assertThatThrownBy(() -> new dev.migrations.ops.AddConstraint(
                                null, "t", dev.migrations.schema.Dsl.unique("u", "a"))
                        .withoutValidation())
                .hasMessageContaining("Only a foreign key or a check can be added without validation");
    }

    @Test
    void reservedWordsAndMixedCaseAreQuotedPlainNamesAreNot() {
        assertThat(POSTGRES.identifier("order")).isEqualTo("\"order\"");
        assertThat(POSTGRES.identifier("user")).isEqualTo("\"user\"");
        assertThat(POSTGRES.identifier("select")).isEqualTo("\"select\"");
        assertThat(POSTGRES.identifier("createdAt")).isEqualTo("\"createdAt\"");
        assertThat(POSTGRES.identifier("line_items")).isEqualTo("line_items");
        assertThat(POSTGRES.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SQLITE.identifier("order")).isEqualTo("\"order\"");
        assertThat(H2.identifier("user")).isEqualTo("\"user\"");
    }

    @Test
    void h2QuotesOnlyItsOwnKeywordsBecauseQuotingChangesTheStoredCase() {
        // "value" is reserved in H2 but not in PostgreSQL; "comment" in neither.
        assertThat(H2.identifier("value")).isEqualTo("\"value\"");
        assertThat(POSTGRES.identifier("value")).isEqualTo("value");
        assertThat(H2.identifier("comment")).isEqualTo("comment");
    }

    @Test
    void namesPostgresWouldTruncateOrThatHoldControlCharactersAreRefused() {
        assertThatThrownBy(() -> POSTGRES.identifier("x".repeat(64))).hasMessageContaining("63 bytes");
        assertThatThrownBy(() -> SQLITE.identifier("a\nb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> Platforms.named("postgresql").ddl().render(new RenameTable(null, "t", "")))
                .hasMessageContaining("empty");
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
        assertThat(String.join("", Platforms.named("postgresql").ddl().render(insert)))
                .contains("'it''s'")
                .contains("TRUE");
        assertThat(String.join("", Platforms.named("sqlite").ddl().render(insert)))
                .contains("'it''s'")
                .doesNotContain("TRUE");
        assertThat(POSTGRES.value(new byte[] {1, (byte) 0xff})).isEqualTo("'\\x01ff'::bytea");
    }

    @Test
    void addColumnWithAForeignKeyIsOneStatementOnSqliteAndTwoElsewhere() {
        AddColumn add = new AddColumn(null, "order", column("owner", BIGINT).references("user", "id"));
        assertThat(Platforms.named("sqlite").ddl().render(add))
                .singleElement()
                .asString()
                .contains("REFERENCES \"user\" (id)");
        assertThat(Platforms.named("postgresql").ddl().render(add)).hasSize(2);
        assertThat(Platforms.named("sqlite")
                        .rebuilder()
                        .needsRebuild(
                                new AddColumn(null, "t", column("c", varchar(5)).notNull())))
                .isTrue();
        assertThat(Platforms.named("postgresql").rebuilder()).isNull();
    }
}
