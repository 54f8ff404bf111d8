package dev.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.DatabaseSpecificSteps;
import dev.migrations.autogenerate.render.EnumTypeNotes;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.autogenerate.render.PortabilityNotes;
import dev.migrations.autogenerate.render.RevisionSummary;
import dev.migrations.internal.runtime.OperationsAsSql;
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

    /** One revision to write: its id, whether it is transactional, its steps, bodies and summary. */
    record Body(
            String id,
            boolean transactional,
            SchemaDiff steps,
            String upgrade,
            String downgrade,
            List<String> summary) {}

    /** The revision and, with {@code --safe}, its non-transactional follow-up (or null), and their lint. */
    record Plan(Body main, Body followUp, LintReport lint) {}

    private final Engine engine;
    private final JavaOpsRenderer renderer = new JavaOpsRenderer();

    AutogenerateFiles(Engine engine) {
        this.engine = engine;
    }

    Plan plan(
            SchemaDiff diff,
            String mainId,
            String followUpId,
            String message,
            List<String> down,
            boolean safe,
            ScriptFormat format) {
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
            String database = platform.displayName() + " " + c.getMetaData().getDatabaseProductVersion();
            BodyWriter writer = format == ScriptFormat.SQL ? new SqlBodies(platform, live) : new JavaBodies(platform);
            String id = platform.id();
            String name = platform.displayName();
            Body first = body(mainId, true, main, lint, 0, writer, database, id, name);
            Body second =
                    followUp == null ? null : body(followUpId, false, followUp, lint, 1, writer, database, id, name);
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

    private Body body(
            String id,
            boolean transactional,
            SchemaDiff steps,
            LintReport lint,
            int revision,
            BodyWriter writer,
            String database,
            String platformId,
            String platformName) {
        RevisionLint findings = lint.revisions().get(revision);
        writer.startUpgrade();
        writer.comments(comments(findings, null));
        for (int i = 0; i < steps.changes().size(); i++) {
            SchemaChange change = steps.changes().get(i);
            List<String> lines = comments(findings, "#" + (i + 1));
            lines.addAll(PortabilityNotes.of(change.upgrade(), platformId, platformName));
            if (change.warning() != null) {
                lines.add((change.needsEdit() ? "TODO: " : "WARNING: ") + change.warning());
            }
            writer.comments(lines);
            writer.step(change.upgrade());
        }
        String upgrade = writer.finish();
        // a validation needs no undoing: dropping the constraint does it
        List<SchemaChange> undo = new ArrayList<>(steps.changes().stream()
                .filter(change -> !(change.upgrade() instanceof ValidateConstraint))
                .toList());
        java.util.Collections.reverse(undo);
        writer.startDowngrade();
        for (SchemaChange change : undo) {
            if (change.downgrade() == null) {
                writer.comments(
                        List.of("TODO: undo by hand: " + change.upgrade().describe()));
            } else {
                writer.comments(EnumTypeNotes.downgrade(change.downgrade()));
                writer.step(change.downgrade());
            }
        }
        return new Body(id, transactional, steps, upgrade, writer.finish(), RevisionSummary.lines(steps, database));
    }

    /** Writes a body step by step, as Java statements or as SQL. */
    private interface BodyWriter {
        void startUpgrade();

        void startDowngrade();

        void comments(List<String> lines);

        void step(Operation operation);

        String finish();
    }

    private final class JavaBodies implements BodyWriter {
        private final DatabasePlatform platform;
        private StringBuilder out;

        JavaBodies(DatabasePlatform platform) {
            this.platform = platform;
        }

        @Override
        public void startUpgrade() {
            out = new StringBuilder();
        }

        @Override
        public void startDowngrade() {
            out = new StringBuilder();
        }

        @Override
        public void comments(List<String> lines) {
            lines.forEach(line -> out.append("// ").append(line).append('\n'));
        }

        @Override
        public void step(Operation operation) {
            for (Operation written : DatabaseSpecificSteps.of(operation, platform)) {
                out.append(renderer.statement(written)).append('\n');
            }
        }

        @Override
        public String finish() {
            return out.toString().stripTrailing();
        }
    }

    /** SQL for the database at hand; the downgrade starts from the tables as the upgrade leaves them. */
    private static final class SqlBodies implements BodyWriter {
        private final DatabasePlatform platform;
        private java.util.Collection<dev.migrations.schema.Table> tables;
        private OperationsAsSql out;

        SqlBodies(DatabasePlatform platform, SchemaSnapshot live) {
            this.platform = platform;
            this.tables = live.tables();
        }

        @Override
        public void startUpgrade() {
            out = new OperationsAsSql(platform, tables);
        }

        @Override
        public void startDowngrade() {
            out = new OperationsAsSql(platform, tables);
        }

        @Override
        public void comments(List<String> lines) {
            out.comment(lines);
        }

        @Override
        public void step(Operation operation) {
            out.apply(operation);
        }

        @Override
        public String finish() {
            String text = out.text();
            tables = out.tablesAfter();
            return text;
        }
    }

    /** The findings at {@code location} (null: those of the whole revision) as comment lines. */
    private static List<String> comments(RevisionLint revision, String location) {
        List<String> out = new ArrayList<>();
        for (Finding f : revision.findings()) {
            if (!java.util.Objects.equals(f.location(), location)) {
                continue;
            }
            out.add("lint " + (f.isIgnored() ? "ignored" : f.severity().label()) + " " + f.rule() + ": " + f.message());
            if (f.safeForm() != null && !f.safeForm().isBlank()) {
                out.add("  safe form:");
                for (String line : f.safeForm().split("\n")) {
                    out.add("    " + (line.startsWith("// ") ? line.substring(3) : line));
                }
            }
        }
        return out;
    }
}
