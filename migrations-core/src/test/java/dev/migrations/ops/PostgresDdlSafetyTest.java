package dev.migrations.ops;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL: DDL gives up waiting for a lock after lock_timeout and retries; concurrent index builds. */
class PostgresDdlSafetyTest {

    @TempDir
    Path dir;

    private static final MigrationScript ADD_COLUMN =
            CodeRevisions.reversible("op", "setup", ops -> ops.addColumn("user", column("nickname", varchar(40))));

    private Migrations migrations(OpsFixture f, int retries, MigrationScript... more) {
        java.util.List<MigrationScript> all = new java.util.ArrayList<>(java.util.List.of(OpsFixture.BASE));
        all.addAll(java.util.List.of(more));
        return Migrations.configure()
                .dataSource(f.db.dataSource())
                .locations()
                .scripts(all.toArray(MigrationScript[]::new))
                .ddlLockTimeout(Duration.ofMillis(200))
                .ddlLockRetries(retries)
                .load();
    }

    @Test
    void aRevisionBlockedByALongQueryIsRetriedAndThenApplied() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.POSTGRESQL, dir)) {
            Migrations m = migrations(f, 10, ADD_COLUMN);
            m.upgrade("setup");
            try (Connection blocker = f.db.dataSource().getConnection();
                    Connection observer = f.db.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.execute("LOCK TABLE \"user\" IN ACCESS SHARE MODE"); // what a long SELECT holds
                }
                CompletableFuture<Void> upgrade = CompletableFuture.runAsync(() -> m.upgrade("op"));
                // Release only after two separate attempts of the ALTER have been seen waiting.
                Set<String> attempts = new HashSet<>();
                while (attempts.size() < 2 && !upgrade.isDone()) {
                    try (Statement s = observer.createStatement();
                            ResultSet rs = s.executeQuery(
                                    "SELECT query_start FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                            + " AND query LIKE 'ALTER TABLE%nickname%'")) {
                        while (rs.next()) {
                            attempts.add(rs.getString(1));
                        }
                    }
                    Thread.sleep(20);
                }
                blocker.rollback();
                upgrade.get();
                assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
            }
            assertThat(m.current()).containsExactly("op");
            assertThat(f.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND column_name = 'nickname'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRevisionStillBlockedAfterItsRetriesFailsWithWhatToDo() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.POSTGRESQL, dir)) {
            Migrations m = migrations(f, 1, ADD_COLUMN);
            m.upgrade("setup");
            try (Connection blocker = f.db.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.execute("LOCK TABLE \"user\" IN ACCESS SHARE MODE");
                }
                assertThatThrownBy(() -> m.upgrade("op"))
                        .hasMessageContaining("Revision op")
                        .hasMessageContaining("gave up after 2 attempt(s)")
                        .hasMessageContaining("pg_stat_activity")
                        .hasMessageContaining("still at setup");
                blocker.rollback();
            }
            assertThat(m.current()).containsExactly("setup");
        }
    }

    @Test
    void concurrentIndexBuildsInANonTransactionalRevisionOnly() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.POSTGRESQL, dir)) {
            MigrationScript concurrent = CodeRevisions.of("op", "setup", false, new dev.migrations.api.Migration() {
                @Override
                public void upgrade(dev.migrations.api.Ops ops) {
                    ops.createIndexConcurrently(index("ix_user_email", "user", "email"));
                }

                @Override
                public void downgrade(dev.migrations.api.Ops ops) {
                    ops.dropIndexConcurrently(index("ix_user_email", "user", "email"));
                }
            });
            MigrationScript inTransaction = CodeRevisions.reversible(
                    "bad", "op", ops -> ops.createIndexConcurrently(index("ix_user_name", "user", "name")));
            Migrations m = migrations(f, 0, concurrent, inTransaction);
            m.upgrade("op");
            assertThat(f.count("SELECT count(*) FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid"
                            + " WHERE i.relname = 'ix_user_email' AND ix.indisvalid"))
                    .isEqualTo(1);
            assertThatThrownBy(() -> m.upgrade("bad"))
                    .hasMessageContaining("Revision bad")
                    .hasMessageContaining("transactional = false");
            m.downgrade("setup");
            assertThat(f.count("SELECT count(*) FROM pg_class WHERE relname = 'ix_user_email'"
                            + " AND relnamespace = current_schema()::regnamespace"))
                    .isZero();
        }
    }
}
