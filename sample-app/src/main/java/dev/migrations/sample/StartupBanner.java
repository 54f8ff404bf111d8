package dev.migrations.sample;

import dev.migrations.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the database is and where to look once the app is up. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Migrations migrations;

    StartupBanner(Migrations migrations) {
        this.migrations = migrations;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info(
                "Database at {}; it stands at {}. Try:\n  curl {}/actuator/migrations\n  curl {}/actuator/health"
                        + "\n  curl {}/api/users",
                database(),
                String.join(", ", migrations.current()),
                base,
                base,
                base);
    }

    private String database() {
        try (var connection = migrations.dataSource().getConnection()) {
            return connection.getMetaData().getURL().replaceFirst("\\?.*", ""); // no credentials in the log
        } catch (java.sql.SQLException e) {
            return "(unreachable: " + e.getMessage() + ")";
        }
    }
}
