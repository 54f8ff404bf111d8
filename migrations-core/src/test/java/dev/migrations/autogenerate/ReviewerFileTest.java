package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.second.Shop;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a reviewer reads, pinned as a whole (the README shows it): a rename hint on a table and
 * a column, an enum that gains a constant, the summary, and a downgrade that restores the check as
 * the catalog held it. Generated on PostgreSQL; the id, date and server version are masked.
 */
class ReviewerFileTest {

    @TempDir
    Path tmp;

    @Test
    void theGeneratedFileReadsAsAPersonWouldWriteIt() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, tmp)) {
            EntitySteps steps = new EntitySteps(db, tmp);
            steps.step(List.of(Shop.Customer.class), "customers");
            String source = steps.stepAndBack(List.of(Shop.Client.class), "customers become clients");
            String masked = source.replaceAll("\"[0-9a-f]{12}\"", "\"<id>\"")
                    .replaceAll("Rev\\d{8}_\\d{4}_[0-9a-f]{12}_", "Rev<date>_<id>_")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "<date>")
                    .replaceAll("PostgreSQL [^\\n]*\\.\\n", "PostgreSQL <version>.\n");
            String golden = new String(
                    Objects.requireNonNull(getClass().getResourceAsStream("/golden/autogenerate/reviewer-file.txt"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(masked).isEqualTo(golden);
        }
    }
}
