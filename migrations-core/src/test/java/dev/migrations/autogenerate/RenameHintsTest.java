package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.second.Clients;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @RenamedFrom} on an entity and a field: the generated revision renames the table and the
 * column and keeps the rows; once applied, the hints stay in the code and change nothing.
 */
class RenameHintsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hintsTurnDropAndAddIntoRenamesThatKeepTheData(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            EntitySteps steps = new EntitySteps(db, tmp);
            steps.step(List.of(Clients.Customer.class), "customers");
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO customers (id, mail, name) VALUES (1, 'ada@example.com', 'Ada')");
            }

            String source = steps.stepAndBack(List.of(Clients.Client.class), "customers become clients");
            assertThat(source)
                    .contains(
                            "ops.renameTable(\"customers\", \"clients\");",
                            "ops.renameColumn(\"clients\", \"mail\", \"email\");")
                    .doesNotContain("dropColumn", "dropTable", "createTable");
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT email, name FROM clients WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ada@example.com");
                assertThat(rs.getString(2)).isEqualTo("Ada");
            }
        }
    }
}
