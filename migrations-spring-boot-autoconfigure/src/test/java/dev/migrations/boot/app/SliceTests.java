package dev.migrations.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Boot's test slices run the migrations through the AutoConfigureDataSourceInitialization imports file. */
class SliceTests {

    @Nested
    @DataJpaTest
    class DataJpa {

        @Autowired
        PersonRepository repository;

        @Autowired
        Migrations migrations;

        @Test
        void theRepositorySeesTheMigratedTable() {
            assertThat(repository.findAll()).extracting(Person::getName).containsExactly("Ada Lovelace");
            assertThat(migrations.current()).containsExactly("b2f0c0de0002");
        }
    }

    @Nested
    @JdbcTest
    class Jdbc {

        @Autowired
        JdbcTemplate jdbcTemplate;

        @Test
        void theJdbcTemplateSeesTheMigratedTable() {
            assertThat(jdbcTemplate.queryForList("SELECT name FROM person", String.class))
                    .containsExactly("Ada Lovelace");
        }
    }
}
