package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.script.ScriptWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The commands that write scripts: {@code revision} (autogenerate included) and {@code merge}. */
final class WriteCommands {

    private final Engine engine;
    private final CompareCommands compare;

    public WriteCommands(Engine engine, CompareCommands compare) {
        this.engine = engine;
        this.compare = compare;
    }

    /**
     * Writes a new revision on top of {@code head}: an empty scaffold, or with autogenerate the steps
     * from the database to the entities (nothing is written when there are none).
     */
    public GeneratedRevision revision(RevisionRequest request) {
        List<String> down = parentsOf(request);
        RevisionGraph graph = engine.graph();
        List<String> dependsOn = new ArrayList<>();
        for (String dep : request.dependsOn()) {
            dependsOn.add(
                    graph.branchLabels().containsKey(dep)
                            ? dep
                            : graph.revision(Target.parse(dep)).id());
        }
        String id = request.revId() == null ? ScriptWriter.newId() : request.revId();
        RevisionRequest.Autogenerate options = request.autogenerate();
        if (options == null) {
            return new GeneratedRevision(
                    id,
                    write(
                            id,
                            down,
                            request.branchLabels(),
                            dependsOn,
                            request.message(),
                            request.format(),
                            null,
                            null,
                            true,
                            List.of()),
                    null);
        }
        UnbuiltRevisions.requireNone(engine.settings(), engine.graph());
        SchemaDiff diff;
        if (options.baseline()) {
            if (!engine.graph().isEmpty()) {
                throw new MigrationsException("A baseline is the first revision, written from the entities alone for a"
                        + " database that predates migrations; the scripts already have "
                        + engine.graph().size()
                        + " revision(s). Autogenerate the next one without --baseline.");
            }
            diff = compare.baseline(options.entities());
        } else {
            diff = compare.compareWith(options.entities(), options.renames(), options.unmanagedTables());
        }
        if (diff.isEmpty()) {
            return new GeneratedRevision(null, null, diff);
        }
        String message = request.message() == null ? "" : request.message();
        ScriptFormat format = request.format() != null
                ? request.format()
                : engine.settings().generated().format();
        AutogenerateFiles.Plan plan = new AutogenerateFiles(engine)
                .plan(diff, id, ScriptWriter.newId(), message, down, options.safe(), format);
        AutogenerateFiles.Body main = plan.main();
        Path file = write(
                id,
                down,
                request.branchLabels(),
                dependsOn,
                request.message(),
                format,
                main.upgrade(),
                main.downgrade(),
                true,
                main.summary());
        Path followUp = null;
        if (plan.followUp() != null) {
            AutogenerateFiles.Body next = plan.followUp();
            followUp = write(
                    next.id(),
                    List.of(id),
                    List.of(),
                    List.of(),
                    message + " (outside a transaction)",
                    format,
                    next.upgrade(),
                    next.downgrade(),
                    false,
                    next.summary());
        }
        return new GeneratedRevision(id, file, diff, followUp, plan.lint());
    }

    private List<String> parentsOf(RevisionRequest request) {
        Target head = Target.parse(request.head() == null ? "head" : request.head());
        if (head instanceof Target.Base) {
            return List.of();
        }
        RevisionNode parent;
        try {
            parent = engine.graph().revision(head);
        } catch (MultipleHeadsException e) {
            throw new MigrationsException(
                    "Multiple heads are present; please specify the head revision on which"
                            + " the new revision should be based, or perform a merge. (heads: "
                            + String.join(", ", e.heads()) + ")",
                    null,
                    e);
        }
        if (parent != null && !engine.graph().isHead(parent) && !request.splice()) {
            throw new MigrationsException("Revision " + parent.id() + " is not a head revision; please specify"
                    + " --splice to create a new branch from this revision");
        }
        return parent == null ? List.of() : List.of(parent.id());
    }

    /** Writes a merge revision joining {@code revisions} ({@code heads} joins them all). */
    public Path merge(String message, List<String> revisions, String branchLabel, String revId) {
        Set<String> down = new LinkedHashSet<>();
        List<Target> targets = revisions.isEmpty()
                ? List.of(Target.heads())
                : revisions.stream().map(Target::parse).toList();
        for (RevisionNode node : engine.graph().revisions(targets)) {
            down.add(node.id());
        }
        if (down.size() < 2) {
            throw new MigrationsException("Nothing to merge: " + revisions + " names " + down.size()
                    + " revision(s); a merge joins two or more heads.");
        }
        return write(
                revId,
                new ArrayList<>(down),
                branchLabel == null ? List.of() : List.of(branchLabel),
                List.of(),
                message,
                null,
                null,
                null,
                true,
                List.of());
    }

    private Path write(
            String revId,
            List<String> down,
            List<String> labels,
            List<String> dependsOn,
            String message,
            ScriptFormat format,
            String upgradeBody,
            String downgradeBody,
            boolean transactional,
            List<String> summary) {
        RevisionGraph graph = engine.graph();
        String id = revId == null ? ScriptWriter.newId() : revId;
        if (graph.contains(id)) {
            throw new MigrationsException("Revision id " + id + " is already used by "
                    + graph.node(id).source());
        }
        RevisionGraph.requireValidId(id, "the new revision");
        for (String label : labels) {
            if (graph.branchLabels().containsKey(label)) {
                throw new MigrationsException("Branch name '" + label + "' is already used by revision "
                        + graph.branchLabels().get(label).id());
            }
        }
        ScriptWriter.NewRevision revision = new ScriptWriter.NewRevision(
                id,
                down,
                labels,
                dependsOn,
                message == null ? "" : message,
                transactional,
                upgradeBody,
                downgradeBody,
                summary);
        EngineSettings.GeneratedFiles files = engine.settings().generated();
        ScriptWriter writer = new ScriptWriter(
                files.sourceDirectory(), files.sqlDirectory(), files.packageName(), files.fileTemplate());
        ScriptFormat f = format != null ? format : files.format();
        ZonedDateTime now = ZonedDateTime.now();
        return f == ScriptFormat.SQL ? writer.writeSql(revision, now) : writer.writeJava(revision, now);
    }
}
