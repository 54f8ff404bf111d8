package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A web application with actuator and the starter, without JPA: what an operator's replica looks
 * like. With {@code test.two-databases} it defines two engines of its own, as an application with
 * two DataSources would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        exclude = HibernateJpaAutoConfiguration.class,
        excludeName = "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration")
public class ActuatorTestApplication {

    /** Every observation that started, by name: proves the run is traced. */
    @Bean
    ObservationRecorder observationRecorder() {
        return new ObservationRecorder();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("test.two-databases")
    static class TwoDatabases {

        @Bean
        Migrations ordersMigrations(
                @Value("${test.orders-url}") String url, @Value("${test.locations}") String locations) {
            return engine(url, locations);
        }

        @Bean
        Migrations auditMigrations(
                @Value("${test.audit-url}") String url, @Value("${test.locations}") String locations) {
            Migrations migrations = engine(url, locations);
            migrations.upgrade("heads");
            return migrations;
        }

        private static Migrations engine(String url, String locations) {
            return Migrations.configure()
                    .dataSource(new SimpleDriverDataSource(new org.sqlite.JDBC(), url))
                    .locations(locations)
                    .load();
        }
    }

    static final class ObservationRecorder implements ObservationHandler<Observation.Context> {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }
    }
}
