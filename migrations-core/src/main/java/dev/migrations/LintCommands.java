package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.LintSettings;
import dev.migrations.lint.Linter;
import dev.migrations.lint.LiveCatalog;
import dev.migrations.lint.LockTrace;
import dev.migrations.lint.TraceReport;
import dev.migrations.platform.DatabasePlatform;
import java.util.List;

/**
 * {@code lint} and {@code lint --trace}: which revisions (the pending ones, a target's, a range),
 * where their schema starts (the live database's, or the scripts followed from base), and which
 * database's rules apply.
 */
final class LintCommands {

    private final Engine engine;
    private final ReadCommands read;

    LintCommands(Engine engine, ReadCommands read) {
        this.engine = engine;
        this.read = read;
    }

    private LintSettings settings() {
        return engine.settings().lint();
    }

    /** The revisions {@code range} names, and what runs before them. */
    private record Selection(
            List<MigrationScript> before, List<MigrationScript> scripts, boolean pending, String scope) {}

    /**
     * {@code null}: what {@code upgrade heads} would run; a target: what {@code upgrade TARGET} would
     * run; {@code start:end}: the revisions above {@code start} up to {@code end}.
     */
    private Selection select(String range, List<String> current) {
        if (range != null && range.contains(":")) {
            Target.Range r = Target.parseRange(range);
            List<String> start = r.lower() == null
                    ? List.of()
                    : engine.graph().revisions(read.resolveCurrent(r.lower())).stream()
                            .map(RevisionNode::id)
                            .toList();
            Target end = r.upper() == null ? Target.heads() : read.resolveCurrent(r.upper());
            List<MigrationScript> scripts = scripts(engine.planner().upgrade(start, end));
            return new Selection(
                    upTo(start),
                    scripts,
                    start.equals(current),
                    count(scripts.size(), "revision") + " (" + range + ")");
        }
        Target target = range == null || range.isBlank() ? Target.heads() : Target.parse(range);
        List<String> from = current == null ? List.of() : current;
        List<MigrationScript> scripts = scripts(engine.planner().upgrade(from, target));
        return new Selection(
                upTo(from),
                scripts,
                current != null,
                count(scripts.size(), current == null ? "revision" : "pending revision")
                        + (range == null ? "" : " (up to " + range + ")"));
    }

    /** The revisions from base up to and including {@code heads}, parents first. */
    private List<MigrationScript> upTo(List<String> heads) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (String head : heads) {
            engine.planner()
                    .upgrade(List.of(), new Target.Revision(null, head))
                    .forEach(s -> ids.add(s.node().id()));
        }
        return ids.stream().map(engine.scripts()::script).toList();
    }

    private List<MigrationScript> scripts(List<Step.RevisionStep> steps) {
        return steps.stream().map(s -> engine.scripts().script(s.node().id())).toList();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Lints {@code range} against the live database (its schema and table sizes). */
    LintReport lint(String range) {
        if (engine.settings().dataSource() == null) {
            return lintScripts(range == null ? "base:heads" : range);
        }
        return engine.withConnection(c -> {
            DatabasePlatform platform = engine.platform(c);
            List<String> current = engine.store(platform).heads(c);
            Selection selection = select(range, current);
            LiveCatalog live = new LiveCatalog(
                    c, platform, engine.settings().schema(), engine.ownTables(), selection.pending(), true);
            return linter(platform).lint(selection.before(), selection.scripts(), live, selection.scope());
        });
    }

    /** What {@code check} and the test check lint: the revisions after the baseline, from the scripts alone. */
    LintReport lintSinceBaseline() {
        String baseline = settings().baseline();
        return lintScripts(baseline == null ? "base:heads" : baseline + ":heads");
    }

    private LintReport lintScripts(String range) {
        DatabasePlatform platform = engine.offlinePlatform();
        Selection selection = select(range, null);
        return linter(platform).lint(selection.before(), selection.scripts(), null, selection.scope());
    }

    /** Runs {@code range} (the pending revisions by default) in a transaction that is rolled back. */
    TraceReport trace(String range) {
        if (range != null && range.contains(":")) {
            throw new MigrationsException("lint --trace runs revisions on the database as it is, so it takes a"
                    + " target (or nothing, for the pending revisions), not a range like " + range + ".");
        }
        return engine.withConnection(c -> {
            DatabasePlatform platform = engine.platform(c);
            Selection selection = select(range, engine.store(platform).heads(c));
            return new LockTrace(platform, settings(), engine.settings().ddl())
                    .trace(selection.scripts(), c, engine.settings().schema(), engine.ownTables(), selection.scope());
        });
    }

    private Linter linter(DatabasePlatform platform) {
        return new Linter(platform, settings(), engine.settings().ddl());
    }
}
