package dev.migrations;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Validation;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.runtime.VersionStore;
import dev.migrations.internal.script.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The commands that only read: {@code current}, {@code heads}, {@code branches}, {@code show}, {@code history}. */
final class ReadCommands {

    private final Engine engine;

    public ReadCommands(Engine engine) {
        this.engine = engine;
    }

    String databaseUrl() {
        return engine.withConnection(c -> {
            String url = c.getMetaData().getURL();
            return url == null ? "(unknown)" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        });
    }

    /** The database's current heads; creates nothing. */
    public List<String> current() {
        return engine.withConnection(c -> engine.store(c).heads(c));
    }

    public List<String> heads() {
        return engine.graph().heads();
    }

    public List<RevisionInfo> branches() {
        RevisionGraph graph = engine.graph();
        return graph.nodes().stream()
                .filter(graph::isBranchPoint)
                .map(this::info)
                .toList();
    }

    /** One revision; {@code current} is allowed when the database has one head. */
    public RevisionInfo show(String revision) {
        RevisionNode node = engine.graph().revision(resolveCurrent(Target.parse(revision)));
        if (node == null) {
            throw new MigrationsException("'" + revision + "' names no revision (base).");
        }
        return info(node);
    }

    /** The revision with exactly this id, if the scripts have one. */
    public Optional<RevisionInfo> lookup(String id) {
        return engine.graph().contains(id) ? Optional.of(info(engine.graph().node(id))) : Optional.empty();
    }

    /** The revisions in a range ({@code start:end}, either may be {@code current}), newest first; null for all. */
    public List<RevisionInfo> history(String range) {
        Target lower = null;
        Target upper = null;
        if (range != null && !range.isBlank()) {
            Target.Range parsed = Target.parseRange(range);
            lower = parsed.lower() == null ? null : resolveCurrent(parsed.lower());
            upper = parsed.upper() == null ? null : resolveCurrent(parsed.upper());
        }
        return engine.planner().walk(lower, upper).stream().map(this::info).toList();
    }

    /** {@code current} as the database's single head (or base); any other target as it is. */
    Target resolveCurrent(Target target) {
        if (!(target instanceof Target.Current)) {
            return target;
        }
        List<String> current = current();
        if (current.size() > 1) {
            throw new MigrationsException("'current' needs a single current revision; the database has "
                    + String.join(", ", current) + ". Name one of them.");
        }
        return current.isEmpty() ? Target.base() : new Target.Revision(null, current.get(0));
    }

    /** Every row of the history table, oldest first. */
    public List<HistoryRecord> appliedHistory() {
        return engine.withConnection(c -> engine.store(c).history(c));
    }

    /** Heads, pending revisions and checksum drift, read without taking the lock. */
    public Validation validate() {
        return engine.withConnection(c -> {
            VersionStore store = engine.store(c);
            List<String> current = store.heads(c);
            return new Validation(current, engine.graph().realHeads(), pending(current), drift(store, c, current));
        });
    }

    /** Every revision's state, the pending list and the full history, read in one connection, no lock. */
    public DatabaseStatus status() {
        return engine.withConnection(c -> {
            VersionStore store = engine.store(c);
            List<String> current = store.heads(c);
            List<HistoryRecord> history = store.history(c);
            List<Validation.ChecksumMismatch> drift = engine.settings().validateChecksums() && !current.isEmpty()
                    ? ChecksumDrift.of(engine.scripts(), current, history)
                    : List.of();
            return StatusReport.of(engine, current, pending(current), history, drift);
        });
    }

    private List<Validation.ChecksumMismatch> drift(VersionStore store, java.sql.Connection c, List<String> current)
            throws java.sql.SQLException {
        return engine.settings().validateChecksums() && !current.isEmpty()
                ? ChecksumDrift.of(engine.scripts(), current, store.history(c))
                : List.of();
    }

    /** What {@code upgrade heads} would run; nothing when the database is at a revision the scripts lack. */
    List<String> pending(List<String> current) {
        if (!current.stream().allMatch(engine.graph()::contains)) {
            return List.of();
        }
        return engine.planner().upgrade(current, Target.heads()).stream()
                .map(s -> s.node().id())
                .toList();
    }

    RevisionInfo info(RevisionNode node) {
        RevisionGraph graph = engine.graph();
        MigrationScript script = engine.scripts().script(node.id());
        return new RevisionInfo(
                node.id(),
                node.downRevisions(),
                node.dependsOn(),
                graph.branchLabels(node),
                new ArrayList<>(graph.children(node)),
                script.message(),
                script.createDate(),
                script.source(),
                script.transactional(),
                graph.isRealHead(node),
                graph.isEffectiveHead(node));
    }
}
