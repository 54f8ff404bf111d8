package dev.migrations.platform.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.ops.AddEnumValue;
import dev.migrations.ops.CreateEnumType;
import dev.migrations.ops.DropEnumType;
import dev.migrations.ops.RenameEnumType;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.EnumType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's spelling of the enum type operations, and where ADD VALUE may run. */
class PostgresEnumTypesTest {

    private final DdlRenderer ddl = Platforms.named("postgresql").ddl();

    @Test
    void rendersCreateAddRenameAndDrop() {
        assertThat(ddl.render(new CreateEnumType(EnumType.named("order_status", List.of("NEW", "it's")))))
                .containsExactly("CREATE TYPE order_status AS ENUM ('NEW', 'it''s')");
        assertThat(ddl.render(new AddEnumValue(null, "order_status", "PAID", "NEW", null)))
                .containsExactly("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'PAID' BEFORE 'NEW'");
        assertThat(ddl.render(new AddEnumValue(null, "order_status", "PAID", null, "NEW")))
                .containsExactly("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'PAID' AFTER 'NEW'");
        assertThat(ddl.render(new AddEnumValue(null, "order_status", "PAID", null, null)))
                .containsExactly("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'PAID'");
        assertThat(ddl.render(new RenameEnumType(null, "order_status", "purchase_status")))
                .containsExactly("ALTER TYPE order_status RENAME TO purchase_status");
        assertThat(ddl.render(new DropEnumType(null, "order_status", null))).containsExactly("DROP TYPE order_status");
    }

    @Test
    void addingAnEnumValueNeedsAutocommitBeforePostgres12Only() {
        assertThat(PostgresRevisionSession.addEnumValueNeedsAutocommit(11)).isTrue();
        assertThat(PostgresRevisionSession.addEnumValueNeedsAutocommit(12)).isFalse();
        assertThat(PostgresRevisionSession.addEnumValueNeedsAutocommit(15)).isFalse();
    }
}
