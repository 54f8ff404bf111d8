package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord.Direction;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners hear every run and step in order, including the failing one; a throwing listener is ignored. */
class MigrationListenerTest {

    @TempDir
    Path tmp;

    @Test
    void listenersHearRunsStepsAndFailures() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            s.table("bbbb0002", "aaaa0001");
            s.sql("cccc0003", "bbbb0002", "INSERT INTO no_such_table VALUES (1);", "SELECT 1;");
            List<String> events = new ArrayList<>();
            MigrationListener recorder = new MigrationListener() {
                @Override
                public void runStarting(String command, String target) {
                    events.add("run " + command + " " + target);
                }

                @Override
                public void stepStarting(String revision, Direction direction, int index, int total) {
                    events.add("start " + revision + " " + index + "/" + total);
                }

                @Override
                public void stepFinished(AppliedStep step, int index, int total) {
                    events.add("done " + step.revision() + " " + step.direction());
                }

                @Override
                public void stepFailed(String revision, Direction direction, long millis, Exception failure) {
                    events.add("failed " + revision + " " + direction);
                }

                @Override
                public void runFinished(String command, List<AppliedStep> steps, Exception failure) {
                    events.add("end " + command + " " + steps.size() + (failure == null ? "" : " failed"));
                }
            };
            MigrationListener broken = new MigrationListener() {
                @Override
                public void stepStarting(String revision, Direction direction, int index, int total) {
                    throw new IllegalStateException("listener bug");
                }
            };
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(s.location())
                    .listeners(broken, recorder)
                    .load();

            assertThatThrownBy(() -> m.upgrade("heads")).isInstanceOf(RevisionFailedException.class);
            m.downgrade("-1");
            assertThat(events)
                    .containsExactly(
                            "run upgrade heads",
                            "start aaaa0001 1/3",
                            "done aaaa0001 UPGRADE",
                            "start bbbb0002 2/3",
                            "done bbbb0002 UPGRADE",
                            "start cccc0003 3/3",
                            "failed cccc0003 UPGRADE",
                            "end upgrade 0 failed",
                            "run downgrade -1",
                            "start bbbb0002 1/1",
                            "done bbbb0002 DOWNGRADE",
                            "end downgrade 1");
        }
    }
}
