package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.runtime.HistoryRecord;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two real JVMs migrate one database at the same moment: every revision runs exactly once. */
class TwoProcessTest {

    private static final int REVISIONS = 40;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void twoProcessesApplyEachRevisionOnce(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            String previous = null;
            for (int i = 0; i < REVISIONS; i++) {
                String id = String.format("c%011d", i);
                String slow = kind == Kind.POSTGRESQL ? "SELECT pg_sleep(0.02);\n" : "";
                s.sql(id, previous, slow + "CREATE TABLE t_" + id + " (id INTEGER);", "DROP TABLE t_" + id + ";");
                previous = id;
            }
            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ConcurrentMigrateMain.class.getName(), db.url(),
                        s.location()).redirectErrorStream(true).start());
            }
            int totalApplied = 0;
            for (Process process : processes) {
                String output = read(process);
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(output).isZero();
                String line = output.lines().filter(l -> l.startsWith("APPLIED ")).findFirst().orElseThrow();
                totalApplied += Integer.parseInt(line.substring("APPLIED ".length()).strip());
            }
            assertThat(totalApplied).isEqualTo(REVISIONS);
            Migrations m = Migrations.configure().dataSource(db.dataSource()).locations(s.location()).load();
            assertThat(m.current()).containsExactly(previous);
            List<HistoryRecord> history = m.appliedHistory();
            assertThat(history).allMatch(HistoryRecord::success);
            assertThat(history.stream().collect(Collectors.groupingBy(HistoryRecord::revision, Collectors.counting())))
                    .hasSize(REVISIONS).allSatisfy((rev, n) -> assertThat(n).as(rev).isEqualTo(1L));
            assertThat(EngineTest.tables(db)).filteredOn(t -> t.startsWith("t_c")).hasSize(REVISIONS);
        }
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

}
