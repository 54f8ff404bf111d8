package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.second.Notes;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code @Column(columnDefinition = ...)}: the SQL the mapping gives is read as a portable type. */
class ColumnDefinitionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void columnDefinitionsBecomePortableTypesAndConverge(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            String source = new EntitySteps(db, tmp).step(List.of(Notes.class), "notes");
            assertThat(source)
                    .contains(
                            "column(\"body\", TEXT)",
                            "column(\"code\", varchar(12))",
                            "column(\"weight\", decimal(8, 3))",
                            "column(\"state\", varchar(10)).notNull().serverDefault(\"'draft'\")");
        }
    }
}
