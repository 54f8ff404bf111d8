package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.SqlMigrationScript;
import dev.migrations.internal.script.SqlScriptParser;
import dev.migrations.internal.script.SqlStatement;
import dev.migrations.reliability.SqlSplitterPropertyTest.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the SQL revision file parser: generated files in every accepted
 * spelling read back to what was written, and arbitrary files either parse or fail with our own
 * "Malformed migration file:line" message, never with any other exception.
 */
class SqlScriptParserPropertyTest {

    private static final int CASES = 2_000;
    private static final String[] LINES = {
        "-- revision: a1",
        "-- down_revision: a0",
        "-- down_revision: (a0, b0)",
        "-- branch_labels: shop",
        "-- depends_on: x1",
        "-- message: hello: world",
        "-- transactional: false",
        "-- transactional: yes",
        "-- revision:",
        "-- Message: twice",
        "-- unknown_key: v",
        "-- not a key",
        "--",
        "-- +upgrade",
        "--+UPGRADE",
        "-- +upgrade extra",
        "-- +downgrade",
        "-- +Downgrade",
        "-- +sideways",
        "",
        "   ",
        "SELECT 1;",
        "CREATE TABLE t (id INT);",
        "'unclosed",
        "/* open",
        "$$",
        "\uFEFF-- revision: b1",
        "-- create_date: 2026-11-21"
    };

    @Test
    void generatedFilesReadBackAsWritten() {
        for (long seed : Seeds.of(CASES)) {
            Random random = new Random(seed);
            SqlGenerator sql = new SqlGenerator(seed);
            String id = "r" + Long.toHexString(random.nextLong() & 0xFFFFFFFFL);
            List<String> down = ids(random, "d");
            List<String> labels = ids(random, "label_");
            List<String> dependsOn = ids(random, "x");
            String message = sql.oneOf("add: a column", "Ünïcode – ok", "", "trailing  spaces", "x".repeat(200));
            boolean transactional = random.nextBoolean();
            List<String> upgrade = sql.statements();
            List<String> downgrade = sql.statements();
            String canonical = render(random, id, down, labels, dependsOn, message, transactional, upgrade, downgrade);

            SqlMigrationScript script = SqlScriptParser.parse("gen.sql", canonical);
            String why = Seeds.describe(seed, canonical);
            assertThat(script.id()).as(why).isEqualTo(id);
            assertThat(script.node().downRevisions()).as(why).containsExactlyElementsOf(down);
            assertThat(script.node().dependsOn()).as(why).containsExactlyElementsOf(dependsOn);
            assertThat(script.node().declaredBranchLabels()).as(why).containsExactlyInAnyOrderElementsOf(labels);
            assertThat(script.message()).as(why).isEqualTo(message.strip());
            assertThat(script.transactional()).as(why).isEqualTo(transactional);
            assertThat(script.upgradeStatements())
                    .as(why)
                    .extracting(SqlStatement::sql)
                    .containsExactlyElementsOf(upgrade.stream()
                            .map(s -> s.replace("\r\n", "\n").strip())
                            .toList());
            assertThat(script.downgradeStatements())
                    .as(why)
                    .extracting(SqlStatement::sql)
                    .containsExactlyElementsOf(downgrade.stream()
                            .map(s -> s.replace("\r\n", "\n").strip())
                            .toList());

            String dressed = (random.nextBoolean() ? "\uFEFF" : "")
                    + canonical.replace("\n", sql.oneOf("\n", "\r\n", " \n", "\t\r\n"));
            assertThat(SqlScriptParser.parse("gen.sql", dressed).checksum())
                    .as(why)
                    .isEqualTo(script.checksum());
        }
    }

    @Test
    void anyFileParsesOrFailsWithAMalformedMigrationMessage() {
        for (long seed : Seeds.of(CASES)) {
            Random random = new Random(seed);
            SqlGenerator sql = new SqlGenerator(seed);
            List<String> lines = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                lines.add(random.nextInt(5) == 0 ? sql.noise() : LINES[random.nextInt(LINES.length)]);
            }
            String text = String.join(sql.oneOf("\n", "\r\n", "\r"), lines);
            String why = Seeds.describe(seed, text);
            SqlMigrationScript script;
            try {
                script = SqlScriptParser.parse("fuzz.sql", text);
            } catch (MigrationsException e) {
                assertThat(e.getMessage()).as(why).startsWith("Malformed migration fuzz.sql");
                continue;
            }
            assertThat(script.id()).as(why).isNotBlank();
            for (boolean up : new boolean[] {true, false}) {
                try {
                    List<SqlStatement> statements = up ? script.upgradeStatements() : script.downgradeStatements();
                    assertThat(statements)
                            .as(why)
                            .allSatisfy(s -> assertThat(s.sql()).isNotBlank());
                } catch (MigrationsException e) {
                    assertThat(e.getMessage())
                            .as(why)
                            .matches("(?s)(Malformed migration fuzz\\.sql:\\d+: .*"
                                    + "|Revision .* has no '-- \\+downgrade' section.*)");
                }
            }
        }
    }

    private static List<String> ids(Random random, String prefix) {
        List<String> ids = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i + Integer.toHexString(random.nextInt(0xFFFF)));
        }
        return ids;
    }

    /** A file in one of the spellings the format accepts: key case, spacing, list punctuation, marker case. */
    private static String render(
            Random random,
            String id,
            List<String> down,
            List<String> labels,
            List<String> dependsOn,
            String message,
            boolean transactional,
            List<String> upgrade,
            List<String> downgrade) {
        List<String> header = new ArrayList<>();
        header.add(key(random, "revision") + id);
        if (!down.isEmpty() || random.nextBoolean()) {
            header.add(key(random, "down_revision") + list(random, down));
        }
        if (!labels.isEmpty()) {
            header.add(key(random, "branch_labels") + list(random, labels));
        }
        if (!dependsOn.isEmpty()) {
            header.add(key(random, "depends_on") + list(random, dependsOn));
        }
        header.add(key(random, "message") + message);
        if (!transactional || random.nextBoolean()) {
            header.add(key(random, "transactional") + (transactional ? "True" : "false"));
        }
        Collections.shuffle(header, random);
        if (random.nextBoolean()) {
            header.add(random.nextInt(header.size() + 1), "-- a plain comment in the header");
        }
        return String.join("\n", header) + "\n\n" + (random.nextBoolean() ? "-- +upgrade" : "--+Upgrade") + "\n"
                + String.join(";\n", upgrade) + ";\n\n" + (random.nextBoolean() ? "-- +downgrade" : "-- +DOWNGRADE")
                + "\n" + String.join(";\n", downgrade) + "\n";
    }

    private static String key(Random random, String key) {
        String spelled = random.nextBoolean() ? key : key.toUpperCase(Locale.ROOT);
        return "--" + " ".repeat(random.nextInt(3)) + spelled + " ".repeat(random.nextInt(2)) + ":"
                + " ".repeat(random.nextInt(3));
    }

    private static String list(Random random, List<String> ids) {
        if (ids.isEmpty()) {
            return random.nextBoolean() ? "None" : "";
        }
        return switch (random.nextInt(3)) {
            case 0 -> String.join(", ", ids);
            case 1 ->
                "(" + String.join(", ", ids.stream().map(i -> "'" + i + "'").toList()) + ")";
            default ->
                "[" + String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList()) + "]";
        };
    }
}
