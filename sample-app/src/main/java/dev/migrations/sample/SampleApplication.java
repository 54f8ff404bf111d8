package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A small chat service: users, their conversations and the messages in them. The schema comes
 * only from the revisions in {@code db/migrations}, applied on boot before JPA starts.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.addListeners(new SqliteDirectoryCreator());
        application.run(args);
    }

    /** SQLite creates its file but not the directory: make {@code ./data} before the first connection. */
    static final class SqliteDirectoryCreator implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            String url = event.getEnvironment().getProperty("spring.datasource.url", "");
            if (!url.startsWith("jdbc:sqlite:") || url.contains(":memory:") || url.contains("mode=memory")) {
                return;
            }
            String file = url.substring("jdbc:sqlite:".length())
                    .replaceFirst("^file:", "")
                    .replaceFirst("\\?.*$", "");
            Path parent = Path.of(file).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the directory for the SQLite database " + file, e);
            }
        }
    }
}
