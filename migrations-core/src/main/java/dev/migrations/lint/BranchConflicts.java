package dev.migrations.lint;

import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Heads whose branches touch the same table or column in ways that do not commute: one drops what
 * the other changes, both add the same column or table, both rename or both alter the same one.
 * Each branch is what one head has that the other does not (its revisions since they parted), read
 * as the lint reads revisions, without running them. A merge of such heads runs both in an order
 * nobody chose; Alembic only sees "multiple heads".
 */
public final class BranchConflicts {

    /** Two revisions on different branches touching {@code object}. */
    public record Conflict(String object, String revision, String does, String otherRevision, String otherDoes) {

        /** One line naming the object, the revisions and what each does. */
        public String describe() {
            return object + ": " + revision + " " + does + ", but " + otherRevision + " " + otherDoes;
        }
    }

    /** What one operation does to one table or column. */
    private record Touch(String revision, String object, String table, Action action, String text) {}

    private enum Action {
        CREATE,
        DROP,
        RENAME,
        ALTER
    }

    private BranchConflicts() {}

    /** The conflicts between every two of {@code heads}. */
    public static List<Conflict> among(
            RevisionGraph graph, List<String> heads, Function<String, MigrationScript> scripts, String database) {
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            for (int j = i + 1; j < heads.size(); j++) {
                Set<RevisionNode> left = graph.ancestors(List.of(graph.node(heads.get(i))), true);
                Set<RevisionNode> right = graph.ancestors(List.of(graph.node(heads.get(j))), true);
                List<Touch> ours = touches(only(left, right), scripts, database);
                List<Touch> theirs = touches(only(right, left), scripts, database);
                for (Touch a : ours) {
                    for (Touch b : theirs) {
                        if (clash(a, b)) {
                            conflicts.add(new Conflict(
                                    a.object().equals(b.object()) ? a.object() : a.table(),
                                    a.revision(),
                                    a.text(),
                                    b.revision(),
                                    b.text()));
                        }
                    }
                }
            }
        }
        return conflicts;
    }

    private static List<RevisionNode> only(Set<RevisionNode> these, Set<RevisionNode> notThose) {
        List<RevisionNode> nodes = new ArrayList<>(these);
        nodes.removeAll(notThose);
        return nodes;
    }

    /**
     * Same object: any two touches but two harmless alters of a table (indexes, constraints). A
     * dropped or renamed table clashes with anything on it or its columns.
     */
    private static boolean clash(Touch a, Touch b) {
        if (a.object().equals(b.object())) {
            return !(a.object().equals(a.table()) && a.action() == Action.ALTER && b.action() == Action.ALTER);
        }
        if (!a.table().equals(b.table())) {
            return false;
        }
        boolean aWholeTable =
                a.object().equals(a.table()) && (a.action() == Action.DROP || a.action() == Action.RENAME);
        boolean bWholeTable =
                b.object().equals(b.table()) && (b.action() == Action.DROP || b.action() == Action.RENAME);
        return aWholeTable || bWholeTable;
    }

    private static List<Touch> touches(
            List<RevisionNode> nodes, Function<String, MigrationScript> scripts, String database) {
        List<Touch> touches = new ArrayList<>();
        for (RevisionNode node : nodes) {
            MigrationScript script = scripts.apply(node.id());
            for (Step step : RevisionSteps.upgrade(script, database)) {
                if (step.kind() == Step.Kind.OPERATION) {
                    touch(node.id(), step.operation(), touches);
                }
            }
        }
        return touches;
    }

    private static void touch(String revision, Operation op, List<Touch> out) {
        if (op.table() == null) {
            return;
        }
        String table = op.table().toLowerCase(Locale.ROOT);
        if (op instanceof CreateTable) {
            out.add(new Touch(revision, table, table, Action.CREATE, "creates table " + table));
        } else if (op instanceof DropTable) {
            out.add(new Touch(revision, table, table, Action.DROP, "drops table " + table));
        } else if (op instanceof RenameTable r) {
            out.add(new Touch(revision, table, table, Action.RENAME, "renames table " + table + " to " + r.newName()));
        } else if (op instanceof AddColumn a) {
            String column = table + "." + a.column().name().toLowerCase(Locale.ROOT);
            out.add(new Touch(revision, column, table, Action.CREATE, "adds column " + column));
        } else if (op instanceof DropColumn d) {
            String column = table + "." + d.column().toLowerCase(Locale.ROOT);
            out.add(new Touch(revision, column, table, Action.DROP, "drops column " + column));
        } else if (op instanceof AlterColumn a) {
            String column = table + "." + a.column().toLowerCase(Locale.ROOT);
            if (a.newName() != null) {
                out.add(new Touch(
                        revision, column, table, Action.RENAME, "renames column " + column + " to " + a.newName()));
            }
            if (!a.changesOnlyName()) {
                out.add(new Touch(revision, column, table, Action.ALTER, "alters column " + column));
            }
        } else {
            out.add(new Touch(revision, table, table, Action.ALTER, op.describe()));
        }
    }

    /** The distinct lines of {@code conflicts}, for a report. */
    public static List<String> lines(List<Conflict> conflicts) {
        Set<String> lines = new LinkedHashSet<>();
        conflicts.forEach(c -> lines.add(c.describe()));
        return List.copyOf(lines);
    }
}
