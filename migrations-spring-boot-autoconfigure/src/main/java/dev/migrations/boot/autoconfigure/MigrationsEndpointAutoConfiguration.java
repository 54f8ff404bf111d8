package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** The {@code migrations} actuator endpoint, when actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({Migrations.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrations.class)
    @ConditionalOnMissingBean
    MigrationsEndpoint migrationsEndpoint(ApplicationContext context) {
        return new MigrationsEndpoint(context);
    }
}
