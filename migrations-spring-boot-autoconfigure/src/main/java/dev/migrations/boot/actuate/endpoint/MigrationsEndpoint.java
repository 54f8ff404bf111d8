package dev.migrations.boot.actuate.endpoint;

import dev.migrations.Migrations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/migrations}: where every migrations engine's database stands, per application
 * context (parents included) and per engine bean, shaped like Boot's {@code flyway} endpoint. Each
 * read asks the database afresh and takes no lock; credentials and script bodies never appear.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

    private final ApplicationContext context;

    public MigrationsEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public MigrationsBeansDescriptor migrationsBeans() {
        return new MigrationsBeansDescriptor(collect((name, migrations) -> MigrationsDescriptor.of(migrations)));
    }

    /** One revision in every engine that knows it, with its own history rows; 404 when none does. */
    @ReadOperation
    public @Nullable MigrationsBeansDescriptor migrationsRevision(@Selector String revision) {
        Map<String, ContextMigrationsBeansDescriptor> contexts = collect((name, migrations) -> {
            MigrationsDescriptor.RevisionDetailDescriptor detail = MigrationsDescriptor.detail(migrations, revision);
            return detail == null ? null : new MigrationsDescriptor(detail);
        });
        contexts.values().removeIf(c -> c.getMigrationsBeans().isEmpty());
        return contexts.isEmpty() ? null : new MigrationsBeansDescriptor(contexts);
    }

    /**
     * {@code /actuator/migrations/tenants/{tenant}}: where one tenant stands, in full, in every
     * engine that lists it; 404 when none does.
     */
    @ReadOperation
    public @Nullable MigrationsBeansDescriptor migrationsTenant(@Selector String tenants, @Selector String tenant) {
        if (!"tenants".equals(tenants)) {
            return null;
        }
        Map<String, ContextMigrationsBeansDescriptor> contexts =
                collect((name, migrations) -> migrations.tenants().list().stream()
                        .filter(t -> t.name().equals(tenant))
                        .findFirst()
                        .map(t -> MigrationsDescriptor.of(migrations.tenant(t)))
                        .orElse(null));
        contexts.values().removeIf(c -> c.getMigrationsBeans().isEmpty());
        return contexts.isEmpty() ? null : new MigrationsBeansDescriptor(contexts);
    }

    private Map<String, ContextMigrationsBeansDescriptor> collect(
            BiFunction<String, Migrations, @Nullable MigrationsDescriptor> describe) {
        Map<String, ContextMigrationsBeansDescriptor> contexts = new LinkedHashMap<>();
        ApplicationContext target = context;
        while (target != null) {
            Map<String, MigrationsDescriptor> beans = new LinkedHashMap<>();
            new java.util.TreeMap<>(target.getBeansOfType(Migrations.class, false, false)).forEach((name, m) -> {
                MigrationsDescriptor descriptor = describe.apply(name, m);
                if (descriptor != null) {
                    beans.put(name, descriptor);
                }
            });
            ApplicationContext parent = target.getParent();
            contexts.put(
                    target.getId(),
                    new ContextMigrationsBeansDescriptor(beans, parent != null ? parent.getId() : null));
            target = parent;
        }
        return contexts;
    }

    /** The response: application contexts by id. */
    public static final class MigrationsBeansDescriptor implements OperationResponseBody {

        private final Map<String, ContextMigrationsBeansDescriptor> contexts;

        MigrationsBeansDescriptor(Map<String, ContextMigrationsBeansDescriptor> contexts) {
            this.contexts = contexts;
        }

        public Map<String, ContextMigrationsBeansDescriptor> getContexts() {
            return contexts;
        }
    }

    /** One application context: its engines by bean name, and its parent's id. */
    public static final class ContextMigrationsBeansDescriptor {

        private final Map<String, MigrationsDescriptor> migrationsBeans;
        private final @Nullable String parentId;

        ContextMigrationsBeansDescriptor(Map<String, MigrationsDescriptor> migrationsBeans, @Nullable String parentId) {
            this.migrationsBeans = migrationsBeans;
            this.parentId = parentId;
        }

        public Map<String, MigrationsDescriptor> getMigrationsBeans() {
            return migrationsBeans;
        }

        public @Nullable String getParentId() {
            return parentId;
        }
    }
}
