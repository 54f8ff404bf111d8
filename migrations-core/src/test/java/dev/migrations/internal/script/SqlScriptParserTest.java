package dev.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptParserTest {

    private static final String SCRIPT = """
            -- revision: 3f2a9c1b7d4e
            -- down_revision: a1b2c3d4e5f6, 0a0b0c0d0e0f
            -- branch_labels: billing
            -- depends_on: 9d8e7f6a5b4c
            -- message: add user preferences
            -- transactional: false

            -- +upgrade
            ALTER TABLE conversations ADD COLUMN user_preferences VARCHAR(500);

            -- +downgrade
            ALTER TABLE conversations DROP COLUMN user_preferences;
            """;

    @Test
    void readsHeaderAndSections() {
        SqlMigrationScript script = SqlScriptParser.parse("V1.sql", SCRIPT);
        assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
        assertThat(script.node().downRevisions()).containsExactly("a1b2c3d4e5f6", "0a0b0c0d0e0f");
        assertThat(script.node().declaredBranchLabels()).containsExactly("billing");
        assertThat(script.node().dependsOn()).containsExactly("9d8e7f6a5b4c");
        assertThat(script.message()).isEqualTo("add user preferences");
        assertThat(script.transactional()).isFalse();
        assertThat(script.upgradeStatements())
                .containsExactly(
                        new SqlStatement("ALTER TABLE conversations ADD COLUMN user_preferences VARCHAR(500)", 9));
        assertThat(script.downgradeStatements()).extracting(SqlStatement::line).containsExactly(12);
    }

    /** The one header key that may repeat: each line accepts one lint finding; the checksum ignores them. */
    @Test
    void lintIgnoreMayRepeatAndIsNotPartOfTheChecksum() {
        String accepting = SCRIPT.replace(
                "-- transactional: false\n",
                "-- transactional: false\n-- lint_ignore: drop-column: unused since 4.2\n"
                        + "-- LINT_IGNORE: rename-column: nobody reads it\n");
        SqlMigrationScript script = SqlScriptParser.parse("V1.sql", accepting);
        assertThat(script.lintIgnore())
                .containsExactly("drop-column: unused since 4.2", "rename-column: nobody reads it");
        assertThat(script.checksum())
                .isEqualTo(SqlScriptParser.parse("V1.sql", SCRIPT).checksum());
        assertThat(SqlScriptParser.parse("V1.sql", SCRIPT).lintIgnore()).isEmpty();
    }

    @Test
    void checksumIgnoresLineEndingsBomAndTrailingSpaceButNotEdits() {
        String crlf = "\uFEFF" + SCRIPT.replace("\n", "  \r\n");
        String base = SqlScriptParser.parse("a.sql", SCRIPT).checksum();
        assertThat(SqlScriptParser.parse("a.sql", crlf).checksum()).isEqualTo(base);
        assertThat(SqlScriptParser.parse("a.sql", SCRIPT.replace("add user preferences", "renamed"))
                        .checksum())
                .as("the message is not what runs")
                .isEqualTo(base);
        assertThat(SqlScriptParser.parse("a.sql", SCRIPT.replace("VARCHAR(500)", "VARCHAR(600)"))
                        .checksum())
                .isNotEqualTo(base);
        assertThat(base).hasSize(64);
    }

    @Test
    void rootAndMissingDowngradeSection() {
        SqlMigrationScript root = SqlScriptParser.parse("r.sql", "-- revision: r1\n-- +upgrade\nSELECT 1;\n");
        assertThat(root.node().isBase()).isTrue();
        assertThatThrownBy(root::downgradeStatements).hasMessageContaining("r1 (r.sql) has no '-- +downgrade'");
    }

    @Test
    void malformedFilesNameFileAndLine() {
        assertThatThrownBy(() -> SqlScriptParser.parse("x.sql", "-- revision: r1\n-- down_revison: r0\n-- +upgrade\n"))
                .hasMessageContaining("Malformed migration x.sql:2: unknown header key 'down_revison'");
        assertThatThrownBy(() -> SqlScriptParser.parse("x.sql", "-- revision: r1\nSELECT 1;\n-- +upgrade\n"))
                .hasMessageContaining("x.sql:2: SQL before the '-- +upgrade' marker");
        assertThatThrownBy(() -> SqlScriptParser.parse("x.sql", "-- revision: r1\nSELECT 1;\n"))
                .hasMessageContaining("x.sql:2");
        assertThatThrownBy(() -> SqlScriptParser.parse("x.sql", "-- message: m\n-- +upgrade\nSELECT 1;"))
                .hasMessageContaining("x.sql: the header has no 'revision:' line");
        assertThatThrownBy(() -> SqlScriptParser.parse("x.sql", "-- revision: r1\n-- +upgrade\n-- +upgrade\n"))
                .hasMessageContaining("x.sql:3: a second '-- +upgrade' marker");
        assertThatThrownBy(
                        () -> SqlScriptParser.parse("x.sql", "-- revision: r1\n-- transactional: maybe\n-- +upgrade\n"))
                .hasMessageContaining("'transactional' must be true or false");
    }
}
