package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.RevisionInfo;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.RevisionFailedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that move the database: {@code upgrade}, {@code downgrade}, {@code stamp}. */
final class MoveCommands {

    private MoveCommands() {}

    /** A command that changes the database, which an instance with tenants runs only for named tenants. */
    interface Moving {}

    @Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade to a later revision.")
    static final class Upgrade extends SessionCommand implements Moving {

        @Parameters(
                paramLabel = "TARGET",
                arity = "0..1",
                defaultValue = "heads",
                description = "heads (default), head, a revision, label@head, +N; with --sql, [start:]end.")
        String target;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        Upgrade(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            if (sql) {
                session.out().print(migrations.upgradeSql(target));
                session.out().flush();
                return 0;
            }
            List<AppliedStep> steps = reporting(session, () -> migrations.upgrade(target));
            if (steps.isEmpty()) {
                session.out().println("Nothing to upgrade: the database is at " + at(migrations.current()) + ".");
            } else {
                report(session.out(), steps);
                session.out().println("The database is now at " + at(migrations.current()) + ".");
            }
            return 0;
        }
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Revert to a previous revision.")
    static final class Downgrade extends SessionCommand implements Moving {

        @Parameters(paramLabel = "TARGET", description = "-N, a revision, label@base or base; with --sql, start:end.")
        String target;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        Downgrade(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            if (sql) {
                session.out().print(migrations.downgradeSql(target));
                session.out().flush();
                return 0;
            }
            List<String> current = migrations.current();
            List<RevisionInfo> plan = migrations.downgradePlan(target);
            if (plan.isEmpty()) {
                session.out().println("Nothing to downgrade: the database is at " + at(current) + ".");
                return 0;
            }
            // Destructive: say what will be undone before doing it.
            Map<String, Integer> partial = ReadCommands.partiallyApplied(migrations.status());
            List<String> partlyPlanned = plan.stream()
                    .map(RevisionInfo::id)
                    .filter(partial::containsKey)
                    .toList();
            String from = partlyPlanned.isEmpty()
                    ? at(current)
                    : at(current) + " (" + String.join(", ", partlyPlanned) + " partially applied)";
            session.out()
                    .println("Downgrading from " + from + " to " + destination(plan, target) + ": reverting "
                            + plan.size() + " revision(s), which may drop tables, columns and data:");
            for (RevisionInfo revision : plan) {
                Integer done = partial.get(revision.id());
                session.out()
                        .println("  " + revision.id() + "  " + revision.message()
                                + (done == null
                                        ? ""
                                        : "  (partially applied: undoing only its " + done
                                                + " committed statement(s))"));
            }
            report(session.out(), reporting(session, () -> migrations.downgrade(target)));
            session.out().println("The database is now at " + at(migrations.current()) + ".");
            return 0;
        }
    }

    @Command(
            name = "stamp",
            mixinStandardHelpOptions = true,
            description = "Set the database's revision without running any migration.")
    static final class Stamp extends SessionCommand implements Moving {

        @Parameters(paramLabel = "TARGET", arity = "1..*", description = "Revisions to stamp: heads, a revision, base.")
        List<String> targets;

        @Option(names = "--purge", description = "Empty the version table first (for an unknown current revision).")
        boolean purge;

        Stamp(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            List<String> current = migrations.current();
            migrations.stamp(targets, purge);
            session.out()
                    .println((purge
                                    ? "Purged the version table (was at " + at(current) + ") and stamped "
                                    : "Stamped " + at(current) + " -> ")
                            + String.join(" ", targets)
                            + "; no migration ran, so the schema must already match.");
            session.out().println("The database is now at " + at(migrations.current()) + ".");
            return 0;
        }
    }

    /** Runs a move; when it fails, first prints the steps that did complete, as a successful run does. */
    private static List<AppliedStep> reporting(Session session, Supplier<List<AppliedStep>> move) {
        try {
            return move.get();
        } catch (RevisionFailedException e) {
            report(session.out(), e.applied());
            throw e;
        }
    }

    /** Where a downgrade ends, as a revision: the parents of the last revision it reverts. */
    private static String destination(List<RevisionInfo> plan, String target) {
        List<String> parents = plan.get(plan.size() - 1).downRevisions();
        String resolved = parents.isEmpty() ? "base" : String.join(", ", parents);
        return resolved.equals(target) ? resolved : resolved + " (" + target + ")";
    }

    static void report(PrintWriter out, List<AppliedStep> steps) {
        for (AppliedStep step : steps) {
            String down = step.downRevisions().isEmpty() ? "<base>" : String.join(", ", step.downRevisions());
            boolean up = step.direction() == HistoryRecord.Direction.UPGRADE;
            out.println("Ran " + step.direction().sqlName() + " "
                    + (up ? down + " -> " + step.revision() : step.revision() + " -> " + down)
                    + (step.message() == null || step.message().isBlank() ? "" : ", " + step.message()) + " ("
                    + step.executionMillis() + " ms)");
        }
    }

    static String at(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
