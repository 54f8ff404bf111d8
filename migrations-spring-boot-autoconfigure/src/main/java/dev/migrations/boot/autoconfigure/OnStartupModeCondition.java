package dev.migrations.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code migrations.mode=none}: only then is there nothing to do at startup. */
final class OnStartupModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        MigrationsProperties.Mode mode = Binder.get(context.getEnvironment())
                .bind("migrations.mode", MigrationsProperties.Mode.class)
                .orElse(MigrationsProperties.Mode.UPGRADE);
        return mode == MigrationsProperties.Mode.NONE
                ? ConditionOutcome.noMatch("migrations.mode is none: nothing runs at startup")
                : ConditionOutcome.match("migrations.mode is " + mode.name().toLowerCase(java.util.Locale.ROOT));
    }
}
