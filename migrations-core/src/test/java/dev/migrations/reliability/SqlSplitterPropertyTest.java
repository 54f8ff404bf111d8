package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.internal.script.SqlSplitter;
import dev.migrations.internal.script.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the statement splitter over thousands of generated scripts. jqwik does
 * not run on the JUnit Platform 6 that Boot 4.1 brings, so the generator is our own: each case
 * comes from a seed, and a failure names the seed ({@code -Dfuzz.seed=...} runs that one again).
 */
class SqlSplitterPropertyTest {

    private static final int CASES = 3_000;

    @Test
    void generatedStatementsComeBackExactlyWithTheirLines() {
        for (long seed : Seeds.of(CASES)) {
            SqlGenerator generator = new SqlGenerator(seed);
            List<String> statements = generator.statements();
            String text = generator.join(statements);
            int firstLine = 1 + generator.upTo(50);
            List<SqlStatement> split = SqlSplitter.split(text, firstLine);
            assertThat(split)
                    .as(Seeds.describe(seed, text))
                    .extracting(SqlStatement::sql)
                    .containsExactlyElementsOf(
                            statements.stream().map(String::strip).toList());
            int from = 0;
            for (int i = 0; i < statements.size(); i++) {
                int at = text.indexOf(statements.get(i), from);
                int line = firstLine
                        + (int) text.substring(0, at)
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                assertThat(split.get(i).line())
                        .as(Seeds.describe(seed, text) + "\nstatement " + i)
                        .isEqualTo(line);
                from = at + statements.get(i).length();
            }
        }
    }

    /**
     * Any text at all: the splitter either splits it or reports an unclosed quote or comment, and
     * what it splits splits the same way again once joined back together.
     */
    @Test
    void anyTextSplitsOrFailsWithAClearErrorAndSplittingIsStable() {
        for (long seed : Seeds.of(CASES)) {
            SqlGenerator generator = new SqlGenerator(seed);
            String text = generator.chance(2)
                    ? generator.noise()
                    : generator.join(generator.statements()) + generator.noise();
            List<SqlStatement> split;
            try {
                split = SqlSplitter.split(text, 1);
            } catch (SqlSplitter.UnterminatedException e) {
                assertThat(e.getMessage()).as(Seeds.describe(seed, text)).contains("is never closed");
                assertThat(e.line()).as(Seeds.describe(seed, text)).isBetween(1, 1 + newlines(text));
                continue;
            }
            List<String> sql = split.stream().map(SqlStatement::sql).toList();
            assertThat(sql)
                    .as(Seeds.describe(seed, text))
                    .allSatisfy(s -> assertThat(s).isNotBlank().isEqualTo(s.strip()));
            String joined = String.join("\n;\n", sql);
            assertThat(SqlSplitter.split(joined, 1))
                    .as(Seeds.describe(seed, text))
                    .extracting(SqlStatement::sql)
                    .containsExactlyElementsOf(sql);
        }
    }

    @Test
    void commentOnlyPiecesAreNotStatements() {
        assertThat(SqlSplitter.split("-- nothing;\n/* still; nothing */ ;\n ; ;", 1))
                .isEmpty();
        assertThat(SqlSplitter.split("-- header\nSELECT 1; -- trailing\n", 1))
                .extracting(SqlStatement::sql)
                .containsExactly("-- header\nSELECT 1");
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** The seeds a property runs over: one given with -Dfuzz.seed, or CASES in a row from a random start. */
    static final class Seeds {

        private Seeds() {}

        static List<Long> of(int count) {
            String fixed = System.getProperty("fuzz.seed");
            if (fixed != null) {
                return List.of(Long.parseLong(fixed));
            }
            long start = System.nanoTime();
            List<Long> seeds = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                seeds.add(start + i);
            }
            return seeds;
        }

        static String describe(long seed, String text) {
            return "seed " + seed + " (-Dfuzz.seed=" + seed + "), text:\n" + text;
        }
    }
}
