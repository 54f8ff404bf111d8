package dev.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.Platforms;
import dev.migrations.platform.SafetyRule;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corpus on each database: every case's findings are exactly the expected ones, so removing a
 * rule (or making it fire where it should not) fails here, and every rule has a case.
 */
class LintCorpusTest {

    @TempDir
    Path dir;

    /** All cases that run on {@code kind}, with their revisions, in one engine whose database is at the base. */
    static Migrations engine(Kind kind, TestDatabase db, Path dir, LintSettings settings) throws Exception {
        List<MigrationScript> java = new ArrayList<>(List.of(LintCorpus.base()));
        for (LintCorpus.Case c : LintCorpus.cases()) {
            if (c.runsOn(kind)) {
                java.addAll(c.java());
                for (LintCorpus.SqlFile f : c.sql()) {
                    Files.writeString(dir.resolve(f.id() + ".sql"), f.text());
                }
            }
        }
        Migrations migrations = Migrations.configure()
                .dataSource(db.dataSource())
                .locations("filesystem:" + dir)
                .scripts(java.toArray(MigrationScript[]::new))
                .lint(settings)
                .load();
        migrations.upgrade(LintCorpus.BASE);
        return migrations;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCaseGivesExactlyTheExpectedFindings(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, dir)) {
            Migrations migrations = engine(kind, db, dir, LintSettings.DEFAULTS.smallTableRows(0));
            Map<String, List<String>> expected = new LinkedHashMap<>();
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (LintCorpus.Case c : LintCorpus.cases()) {
                if (!c.runsOn(kind)) {
                    continue;
                }
                LintReport report = migrations.lint(LintCorpus.BASE + ":" + c.head());
                expected.put(c.name(), sorted(c.expected().get(kind)));
                found.put(c.name(), sorted(report.rules()));
            }
            assertThat(found).isEqualTo(expected);
            assertThat(migrations.current()).containsExactly(LintCorpus.BASE); // linting runs nothing
        }
    }

    @Test
    void theCorpusHasMoreThanFortyRevisionsInBothFormats() {
        List<LintCorpus.Case> cases = LintCorpus.cases();
        long java = cases.stream().mapToLong(c -> c.java().size()).sum();
        long sql = cases.stream().mapToLong(c -> c.sql().size()).sum();
        assertThat(java + sql).isGreaterThanOrEqualTo(40);
        assertThat(java).isGreaterThanOrEqualTo(15);
        assertThat(sql).isGreaterThanOrEqualTo(15);
    }

    /** A rule no case expects could be removed without a test failing. */
    @Test
    void everyRuleIsExpectedSomewhere() {
        Set<String> expected = LintCorpus.cases().stream()
                .flatMap(c -> c.expected().values().stream())
                .flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        expected.addAll(LintSettingsTest.RULES_TESTED_THERE);
        expected.addAll(MysqlLintTest.RULES_TESTED_THERE);
        Set<String> rules = Linter.rules(Platforms.all()).stream()
                .map(SafetyRule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).containsAll(rules);
        assertThat(rules).containsAll(expected);
    }

    private static List<String> sorted(List<String> rules) {
        return rules.stream().sorted().toList();
    }
}
