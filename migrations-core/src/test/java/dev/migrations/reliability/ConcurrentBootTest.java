package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R1, R2, R10, R11: real JVMs booting against one database at the same moment, as replicas of a
 * deployment do.
 */
@Tag("slow")
class ConcurrentBootTest {

    private static final int PROCESSES = 8;
    private static final int REVISIONS = 100;
    private static final Duration EXIT = Duration.ofSeconds(180);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void eightProcessesOnAnEmptyDatabaseApplyEveryRevisionExactlyOnce(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            String head = Fleet.chain(scripts, REVISIONS);
            List<Child> fleet = new ArrayList<>();
            try {
                for (int i = 0; i < PROCESSES; i++) {
                    fleet.add(Child.start(db.url(), scripts.location()));
                }
                int applied = 0;
                for (Child child : fleet) {
                    assertThat(child.awaitExit(EXIT)).as(child.output()).isZero();
                    applied += child.applied();
                }
                assertThat(applied).isEqualTo(REVISIONS);
            } finally {
                fleet.forEach(Child::close);
            }
            Fleet.assertAppliedOnce(db, scripts, REVISIONS, head);
        }
    }

    /**
     * The lock is held by hand for the whole test: a process that took it on a database at the
     * heads would wait, time out after 20 s and exit non-zero.
     */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void atTheHeadsNoProcessTakesTheLock(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            String head = Fleet.chain(scripts, REVISIONS);
            Fleet.engine(db, scripts).upgrade("heads");
            List<Child> fleet = new ArrayList<>();
            try (Fleet.HeldLock held = Fleet.holdLock(db)) {
                for (int i = 0; i < PROCESSES; i++) {
                    fleet.add(Child.start(db.url(), scripts.location(), "--lock-wait=20"));
                }
                for (Child child : fleet) {
                    assertThat(child.awaitExit(EXIT)).as(child.output()).isZero();
                    assertThat(child.applied()).isZero();
                    assertThat(child.output()).doesNotContain("Waiting for the migration lock");
                }
            } finally {
                fleet.forEach(Child::close);
            }
            Fleet.assertAppliedOnce(db, scripts, REVISIONS, head);
        }
    }

    /**
     * R10: the waiter read the history before the lock (five pending) and another instance applied
     * them meanwhile; under the lock it reads again and runs nothing. R11: while it waits it names
     * the holder.
     */
    @Test
    void aWaiterReadsTheHistoryAgainOnceItHasTheLock() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            String head = Fleet.chain(scripts, 5);
            try (Child first = Child.start(db.url(), scripts.location(), "--pause=after:CREATE TABLE t_r0000");
                    Child second = startWaiter(db, scripts, first)) {
                assertThat(second.awaitLine("PENDING ", EXIT)).isEqualTo("PENDING 5");
                String waiting = second.await(l -> l.contains("Waiting for the migration lock"), EXIT);
                assertThat(waiting).contains("held by pid").contains("application 'migrations " + first.pid() + "@");
                first.resume();
                assertThat(first.awaitExit(EXIT)).as(first.output()).isZero();
                assertThat(first.applied()).isEqualTo(5);
                assertThat(second.awaitExit(EXIT)).as(second.output()).isZero();
                assertThat(second.applied()).isZero();
            }
            Fleet.assertAppliedOnce(db, scripts, 5, head);
        }
    }

    private static Child startWaiter(TestDatabase db, Scripts scripts, Child first) throws InterruptedException {
        first.awaitLine("PAUSED ", EXIT);
        return Child.start(db.url(), scripts.location(), "--pending", "--lock-wait=120");
    }

    /** R11: a bounded wait ends with a non-zero exit and a message naming the holder and what to do. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void aWaiterGivesUpAfterTheTimeoutNamingTheHolder(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            String head = Fleet.chain(scripts, 3);
            try (Child holder = Child.start(db.url(), scripts.location(), "--pause=after:CREATE TABLE t_r0001")) {
                holder.awaitLine("PAUSED ", EXIT);
                try (Child waiter = Child.start(db.url(), scripts.location(), "--lock-wait=2")) {
                    assertThat(waiter.awaitExit(EXIT)).as(waiter.output()).isEqualTo(2);
                    String failure = waiter.awaitLine("FAILED ", EXIT);
                    assertThat(failure).contains("Timed out after 2 s waiting for the migration lock");
                    if (kind == Kind.POSTGRESQL) {
                        assertThat(failure)
                                .contains("held by pid")
                                .contains("application 'migrations " + holder.pid() + "@")
                                .contains("raise lockWaitTimeout");
                        assertThat(waiter.output())
                                .contains("Waiting for the migration lock on \"migrations_version\"" + " held by pid");
                    } else if (kind == Kind.MARIADB) {
                        assertThat(failure).contains("held by connection").contains("raise lockWaitTimeout");
                        assertThat(waiter.output()).contains("Waiting for the migration lock on `migrations_version`");
                    } else {
                        assertThat(failure).contains("another process holds the SQLite write lock");
                    }
                }
                holder.resume();
                assertThat(holder.awaitExit(EXIT)).as(holder.output()).isZero();
            }
            Fleet.assertAppliedOnce(db, scripts, 3, head);
        }
    }
}
