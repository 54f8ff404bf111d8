package dev.migrations.boot.app;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the migrated table while the context is still starting: it can only succeed if the
 * repository's EntityManagerFactory and the JdbcTemplate were created after the migration ran.
 */
@Component
public class StartupProbe {

    private final PersonRepository repository;
    private final JdbcTemplate jdbcTemplate;
    private List<String> namesSeenByRepository;
    private List<String> emailsSeenByJdbc;

    public StartupProbe(PersonRepository repository, JdbcTemplate jdbcTemplate) {
        this.repository = repository;
        this.jdbcTemplate = jdbcTemplate;
    }

    @PostConstruct
    void readAtStartup() {
        namesSeenByRepository =
                repository.findAll().stream().map(Person::getName).toList();
        emailsSeenByJdbc = jdbcTemplate.queryForList("SELECT email FROM person", String.class);
    }

    public List<String> namesSeenByRepository() {
        return namesSeenByRepository;
    }

    public List<String> emailsSeenByJdbc() {
        return emailsSeenByJdbc;
    }
}
