package dev.migrations.platform.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** H2 2.4.x loses IN checks with the connection that made them; the platform says so, the build avoids it. */
class H2VersionTest {

    @Test
    void theBrokenVersionIsNamedWithTheFix() {
        assertThat(H2Platform.versionWarning("2.4.240 (2025-09-22)"))
                .contains("H2 2.4.240", "Check constraint invalid", "2.5.250");
        assertThat(H2Platform.versionWarning("2.5.252 (2026-03-01)")).isNull();
        assertThat(H2Platform.versionWarning("2.3.232 (2024-08-11)")).isNull();
    }

    @Test
    void theBuildsH2KeepsAnInCheckAfterTheConnectionThatMadeItCloses() throws Exception {
        String url = "jdbc:h2:mem:v" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE animal (kind VARCHAR(31) NOT NULL CHECK (kind IN ('Dog', 'Cat')))");
            assertThat(H2Platform.versionWarning(c.getMetaData().getDatabaseProductVersion()))
                    .as("the build's H2")
                    .isNull();
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO animal VALUES ('Dog')")).isEqualTo(1);
            s.execute("SHUTDOWN");
        }
    }
}
