package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.internal.script.SqlMigrationScript;
import dev.migrations.internal.script.SqlScriptParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * R12: checksums of a golden corpus are pinned for good. A release that changes any of them would
 * make every existing database report drift, so these values must never be edited; a new
 * algorithm gets a new version beside this one. Line endings, a byte-order mark and trailing
 * whitespace never change a checksum; any change to what runs does.
 */
class ChecksumStabilityTest {

    private static final List<String> CORPUS = List.of(
            "01_create_table.sql",
            "02_strings_and_comments.sql",
            "03_dollar_quoted_function.sql",
            "04_unicode.sql",
            "05_trigger.sql",
            "06_non_transactional.sql",
            "07_empty_downgrade.sql",
            "08_no_downgrade.sql",
            "09_merge.sql",
            "10_whitespace.sql");

    /** Ways a file's bytes change without what runs changing: editors, checkouts, operating systems. */
    private static final Map<String, UnaryOperator<String>> HARMLESS = Map.of(
            "CRLF line endings", t -> t.replace("\n", "\r\n"),
            "CR line endings", t -> t.replace("\n", "\r"),
            "byte-order mark", t -> "\uFEFF" + t,
            "trailing spaces and tabs", t -> t.replace("\n", " \t \n"),
            "trailing blank lines", t -> t + "\n\n\n",
            "no final newline", t -> t.stripTrailing(),
            "BOM, CRLF and trailing spaces", t -> "\uFEFF" + t.replace("\n", "  \r\n"));

    @Test
    void theGoldenCorpusKeepsItsRecordedChecksums() throws IOException {
        Properties recorded = resource("golden/checksums.properties");
        assertThat(recorded.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(CORPUS);
        for (String file : CORPUS) {
            assertThat(checksum(file, text(file))).as(file).isEqualTo(recorded.getProperty(file));
        }
    }

    @Test
    void lineEndingsByteOrderMarksAndTrailingWhitespaceNeverChangeAChecksum() throws IOException {
        for (String file : CORPUS) {
            String original = checksum(file, text(file));
            HARMLESS.forEach((change, edit) -> assertThat(checksum(file, edit.apply(text(file))))
                    .as("%s with %s", file, change)
                    .isEqualTo(original));
        }
    }

    @Test
    void editingTheHeaderMessageIsNotDriftButEditingWhatRunsIs() throws IOException {
        String text = text("02_strings_and_comments.sql");
        String original = checksum("02", text);
        assertThat(checksum("02", text.replace("-- message: strings", "-- message: Strings")))
                .isEqualTo(original);
        assertThat(checksum("02", text.replace("'o''brien", "'O''brien")))
                .as("case inside a string")
                .isNotEqualTo(original);
        assertThat(checksum("02", text.replace("WHERE email", "WHERE  email")))
                .as("spacing inside a line")
                .isNotEqualTo(original);
        assertThat(checksum("02", text.replace("DELETE FROM", "-- DELETE FROM")))
                .as("the downgrade")
                .isNotEqualTo(original);
        assertThat(checksum("02", text.replace("\nUPDATE", "\n    UPDATE")))
                .as("indentation")
                .isNotEqualTo(original);
    }

    /**
     * A thousand files built from the corpus (each corpus file under 100 revision ids, with the
     * harmless variants in turn): every one has its corpus file's recorded checksum.
     */
    @Test
    void aThousandGeneratedVariantsHaveThePinnedChecksums() throws IOException {
        Properties recorded = resource("golden/checksums.properties");
        List<UnaryOperator<String>> variants = List.copyOf(new TreeMap<>(HARMLESS).values());
        for (int i = 0; i < 1_000; i++) {
            String file = CORPUS.get(i % CORPUS.size());
            String text = text(file).replaceFirst("-- revision: g\\d+", "-- revision: v" + i);
            String variant =
                    i < CORPUS.size() ? text : variants.get(i % variants.size()).apply(text);
            String checksum = checksum("v" + i + ".sql", variant);
            assertThat(checksum).as("variant %d of %s", i, file).isEqualTo(recorded.getProperty(file));
        }
    }

    private static String checksum(String source, String text) {
        SqlMigrationScript script = SqlScriptParser.parse(source, text);
        return script.checksum();
    }

    private static String text(String file) {
        try (InputStream in = ChecksumStabilityTest.class.getClassLoader().getResourceAsStream("golden/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties resource(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChecksumStabilityTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }
}
