package dev.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Linter;
import dev.migrations.lint.LiveCatalog;
import dev.migrations.lint.RevisionLint;
import dev.migrations.lint.SaferRevision;
import dev.migrations.ops.Operation;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of what {@code revision --autogenerate} writes: the steps (with {@code --safe}, in their
 * safe forms, split into the revision and a non-transactional follow-up), each preceded by the lint's
 * findings on it as comments.
 */
final class AutogenerateFiles {

    /** One revision to write: its id, whether it is transactional, its steps and bodies. */
    record Body(String id, boolean transactional, SchemaDiff steps, String upgrade, String downgrade) {}

    /** The revision and, with {@code --safe}, its non-transactional follow-up (or null), and their lint. */
    record Plan(Body main, Body followUp, LintReport lint) {}

    private final Engine engine;
    private final JavaOpsRenderer renderer = new JavaOpsRenderer();

    AutogenerateFiles(Engine engine) {
        this.engine = engine;
    }

    Plan plan(SchemaDiff diff, String mainId, String followUpId, String message, List<String> down, boolean safe) {
        return engine.withConnection(c -> {
            DatabasePlatform platform = engine.platform(c);
            SchemaSnapshot live =
                    platform.inspector().inspect(c, engine.settings().schema(), engine.ownTables());
            SchemaDiff main = diff;
            SchemaDiff followUp = null;
            if (safe) {
                List<Operation> ops =
                        diff.changes().stream().map(SchemaChange::upgrade).toList();
                SaferRevision safer =
                        SaferRevision.of(ops, live, platform, engine.settings().ddl());
                List<SchemaChange> changes = new ArrayList<>();
                for (int i = 0; i < ops.size(); i++) {
                    SchemaChange original = diff.changes().get(i);
                    List<Operation> replaced = safer.inRevision().get(i);
                    if (replaced.size() == 1 && replaced.get(0) == original.upgrade()) {
                        changes.add(original);
                    } else {
                        replaced.forEach(op -> changes.add(step(op, original.warning(), original.needsEdit())));
                    }
                }
                main = new SchemaDiff(changes, diff.notes());
                if (safer.split()) {
                    followUp = new SchemaDiff(
                            safer.separately().stream()
                                    .map(op -> step(op, null, false))
                                    .toList(),
                            List.of());
                }
            }
            List<MigrationScript> scripts = new ArrayList<>(List.of(script(mainId, down, message, true, main)));
            if (followUp != null) {
                scripts.add(script(followUpId, List.of(mainId), message + " (outside a transaction)", false, followUp));
            }
            LintReport lint = new Linter(
                            platform,
                            engine.settings().lint(),
                            engine.settings().ddl())
                    .lint(
                            List.of(),
                            scripts,
                            new LiveCatalog(c, platform, engine.settings().schema(), engine.ownTables(), true, false),
                            scripts.size() == 1 ? "the new revision" : "the 2 new revisions");
            Body first = body(mainId, true, main, lint, 0);
            Body second = followUp == null ? null : body(followUpId, false, followUp, lint, 1);
            return new Plan(first, second, lint);
        });
    }

    private static SchemaChange step(Operation op, String warning, boolean needsEdit) {
        return new SchemaChange(op, op.reverse().orElse(null), warning, needsEdit);
    }

    /** The steps as a revision the lint can read, without writing it. */
    private static MigrationScript script(
            String id, List<String> down, String message, boolean transactional, SchemaDiff steps) {
        return JavaMigrationScript.of(
                new MigrationScript.Header(id, down, List.of(), List.of(), message, null, transactional),
                new Migration() {
                    @Override
                    public void upgrade(Ops ops) {
                        steps.changes().forEach(change -> ops.apply(change.upgrade()));
                    }

                    @Override
                    public void downgrade(Ops ops) {
                        List<SchemaChange> reversed = new ArrayList<>(steps.changes());
                        java.util.Collections.reverse(reversed);
                        reversed.stream()
                                .filter(change -> change.downgrade() != null)
                                .forEach(change -> ops.apply(change.downgrade()));
                    }
                });
    }

    private Body body(String id, boolean transactional, SchemaDiff steps, LintReport lint, int revision) {
        RevisionLint findings = lint.revisions().get(revision);
        StringBuilder upgrade = new StringBuilder();
        comments(findings, null, upgrade);
        for (int i = 0; i < steps.changes().size(); i++) {
            comments(findings, "#" + (i + 1), upgrade);
            upgrade.append(renderer.upgrade(
                            new SchemaDiff(List.of(steps.changes().get(i)), List.of())))
                    .append('\n');
        }
        // a validation needs no undoing: dropping the constraint does it
        SchemaDiff undo = new SchemaDiff(
                steps.changes().stream()
                        .filter(change -> !(change.upgrade() instanceof ValidateConstraint))
                        .toList(),
                List.of());
        return new Body(id, transactional, steps, upgrade.toString().stripTrailing(), renderer.downgrade(undo));
    }

    /** The findings at {@code location} (null: those of the whole revision) as comment lines. */
    private static void comments(RevisionLint revision, String location, StringBuilder out) {
        for (Finding f : revision.findings()) {
            if (!java.util.Objects.equals(f.location(), location)) {
                continue;
            }
            out.append("// lint ")
                    .append(f.isIgnored() ? "ignored" : f.severity().label())
                    .append(' ')
                    .append(f.rule())
                    .append(": ")
                    .append(f.message())
                    .append('\n');
            if (f.safeForm() != null && !f.safeForm().isBlank()) {
                out.append("//   safe form:\n");
                for (String line : f.safeForm().split("\n")) {
                    out.append("//     ")
                            .append(line.startsWith("// ") ? line.substring(3) : line)
                            .append('\n');
                }
            }
        }
    }
}
