package dev.migrations.test;

import dev.migrations.Migrations;
import dev.migrations.RevisionInfo;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.DiffReport;
import dev.migrations.lint.LintReport;
import dev.migrations.platform.Severity;
import dev.migrations.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * pytest-alembic's built-in tests for one engine, usable from any test framework: each check throws
 * an {@link AssertionError} that names the revision and shows the schema difference. The checks
 * move the database between base and the heads, so they need a database only the migrations write
 * to (a test container, an in-memory H2, a temporary SQLite file); each one starts from whatever
 * state it finds and ends at the heads when it passes.
 *
 * <pre>
 * MigrationChecks checks = new MigrationChecks(Migrations.configure().dataSource(ds).load());
 * checks.singleHead();
 * checks.stairway();
 * </pre>
 */
public final class MigrationChecks {

    private final Migrations migrations;
    private final String prefix;

    public MigrationChecks(Migrations migrations) {
        this(migrations, "");
    }

    private MigrationChecks(Migrations migrations, String prefix) {
        this.migrations = migrations;
        this.prefix = prefix;
    }

    /** The same checks with every failure message starting with {@code [name]}, for several engines. */
    public MigrationChecks named(String name) {
        return new MigrationChecks(migrations, "[" + name + "] ");
    }

    /** The scripts have exactly one head. */
    public void singleHead() {
        heads(1);
    }

    /** The scripts have exactly {@code expected} heads (independent branches that are meant to stay apart). */
    public void heads(int expected) {
        List<String> heads = migrations.heads();
        if (heads.size() != expected) {
            throw failure("Expected " + expected + " head revision" + (expected == 1 ? "" : "s") + ", found "
                    + heads.size() + ":\n"
                    + heads.stream().map(id -> "  " + describe(id)).collect(Collectors.joining("\n"))
                    + "\nTwo heads usually mean two branches met in version control without a merge revision: run"
                    + " `migrations merge -m \"merge heads\" heads` and commit the file it writes.");
        }
    }

    /**
     * The lint finds no error in the revisions after the lint baseline (every revision without one),
     * read from the scripts alone: nothing runs and the database is not read.
     */
    public void lint() {
        LintReport report = migrations.lintSinceBaseline();
        if (report.hasErrors()) {
            throw failure("The lint found " + report.count(Severity.ERROR) + " error(s) in " + report.scope() + ":\n"
                    + indent(report.renderFindings().strip().lines().toList())
                    + "\nUse the safe forms it shows; where a finding is safe here, accept it in the revision with a"
                    + " reason (@Revision(lintIgnore = \"rule-id: why\") or '-- lint_ignore: rule-id: why'), or set the"
                    + " lint baseline to the newest revision that already ran in production.");
        }
    }

    /** Every revision applies on an empty database, up to the heads. */
    public void upgradeFromBase() {
        toBase("upgrade from base");
        attempt(() -> migrations.upgrade("heads"), "Upgrading an empty database to the heads failed: ");
        List<String> current = migrations.current();
        if (!sameMembers(current, migrations.heads())) {
            throw failure("After upgrading an empty database to the heads it is at " + current + ", not at the"
                    + " scripts' heads " + migrations.heads() + ".");
        }
    }

    /**
     * At the heads, the database matches {@code entities}: autogenerate would write an empty revision.
     * Tables no entity maps are not a difference (they are reported by autogenerate, never dropped).
     */
    public void modelMatchesSchema(SchemaSnapshot entities) {
        attempt(
                () -> migrations.upgrade("heads"),
                "Upgrading to the heads before comparing with the entities failed: ");
        SchemaDiff diff = migrations.compareWith(entities);
        if (!diff.changes().isEmpty()) {
            throw failure("The entities and the migrations disagree: at the heads ("
                    + String.join(", ", migrations.heads()) + ") autogenerate still finds "
                    + diff.changes().size() + " change"
                    + (diff.changes().size() == 1 ? "" : "s") + ". A revision is missing, or one differs from the"
                    + " entities; `migrations revision --autogenerate -m \"...\"` would write:\n"
                    + indent(DiffReport.lines(diff)));
        }
    }

    /**
     * The stairway: for each revision in graph order, upgrade it, downgrade it alone, check the schema
     * is what it was before the upgrade, and upgrade it again.
     */
    public void stairway() {
        // history is newest first; the upgrade from base runs the same order backwards
        List<RevisionInfo> plan = new ArrayList<>(migrations.history(null));
        Collections.reverse(plan);
        toBase("stairway");
        int step = 0;
        for (RevisionInfo revision : plan) {
            step++;
            String id = revision.id();
            String where = describe(id) + ", step " + step + " of " + plan.size();
            SchemaSnapshot before = SchemaSnapshots.canonical(migrations.inspectSchema());
            attempt(() -> migrations.upgrade(id), "Stairway: the upgrade of " + where + " failed: ");
            attempt(() -> migrations.undo(id), "Stairway: the downgrade of " + where + " failed: ");
            SchemaSnapshot after = SchemaSnapshots.canonical(migrations.inspectSchema());
            if (!before.equals(after)) {
                throw failure("Stairway: the downgrade of " + where + " does not restore the schema its upgrade"
                        + " started from. To get back there it would still need:\n"
                        + indent(SchemaSnapshots.difference(after, before)));
            }
            attempt(
                    () -> migrations.upgrade(id),
                    "Stairway: upgrading " + where + " again after its downgrade"
                            + " failed (the downgrade left something behind that the upgrade trips over): ");
        }
    }

    /** Base, heads, base again: nothing is left but the engine's own tables. */
    public void downgradeLeavesNoTrace() {
        boolean downgraded = toBase("downgrade leaves no trace");
        List<String> before = SchemaSnapshots.objects(migrations.inspectSchema());
        if (downgraded && !before.isEmpty()) {
            throw leftBehind(before); // the database was migrated (on boot, say) and its way down already leaks
        }
        if (!before.isEmpty()) {
            throw failure("The database is not empty at base: it holds " + String.join(", ", before) + ", which no"
                    + " revision created. Run the checks on a database only the migrations write to.");
        }
        attempt(() -> migrations.upgrade("heads"), "Upgrading an empty database to the heads failed: ");
        attempt(() -> migrations.downgrade("base"), "Downgrading from the heads to base failed: ");
        List<String> left = SchemaSnapshots.objects(migrations.inspectSchema());
        if (!left.isEmpty()) {
            throw leftBehind(left);
        }
        attempt(() -> migrations.upgrade("heads"), "Upgrading back to the heads failed: ");
    }

    private AssertionError leftBehind(List<String> objects) {
        return failure("Base to heads to base left " + String.join(", ", objects) + " behind: a downgrade forgets"
                + " to drop what its upgrade created (the stairway check names the revision).");
    }

    // ---------------------------------------------------------------- helpers

    /** Downgrades to base; says whether there was anything to downgrade. */
    private boolean toBase(String check) {
        boolean applied = !migrations.current().isEmpty();
        if (applied) {
            attempt(
                    () -> migrations.downgrade("base"),
                    "Could not bring the database down to base to start "
                            + check + " from an empty database (the stairway check finds the revision whose downgrade"
                            + " is broken): ");
        }
        return applied;
    }

    private String describe(String id) {
        RevisionInfo revision = migrations.show(id);
        String message =
                revision.message() == null || revision.message().isBlank() ? "" : " \"" + revision.message() + "\"";
        return "revision " + id + message + " (" + revision.source() + ")";
    }

    private void attempt(Runnable work, String context) {
        try {
            work.run();
        } catch (RuntimeException e) {
            AssertionError error = failure(context + e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError(prefix + message);
    }

    private static boolean sameMembers(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    private static String indent(List<String> lines) {
        List<String> indented = new ArrayList<>();
        lines.forEach(line -> indented.add("  " + line));
        return String.join("\n", indented);
    }
}
