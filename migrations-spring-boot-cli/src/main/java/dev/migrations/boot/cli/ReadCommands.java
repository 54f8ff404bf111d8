package dev.migrations.boot.cli;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.RevisionInfo;
import dev.migrations.api.HistoryRecord;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that only read: {@code current}, {@code history}, {@code heads}, {@code branches}, {@code show}. */
final class ReadCommands {

    private ReadCommands() {}

    @Command(
            name = "current",
            mixinStandardHelpOptions = true,
            description = "Show the database's current revisions, one per line (nothing at base).")
    static final class Current extends SessionCommand {

        @Option(
                names = {"-v", "--verbose"},
                description = "Show the database URL and each revision in full.")
        boolean verbose;

        Current(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            DatabaseStatus status = migrations.status(); // the heads and any partly applied revision, read once
            List<String> current = status.currentHeads();
            if (verbose) {
                session.out().println("Current revision(s) for " + migrations.databaseUrl() + ":");
            }
            for (String id : current) {
                Optional<RevisionInfo> revision = migrations.lookup(id);
                if (revision.isEmpty()) {
                    session.out().println(id + " (not in the scripts)");
                } else if (verbose) {
                    session.out().println(RevisionLines.verbose(revision.get(), false));
                } else {
                    session.out().println(RevisionLines.line(revision.get(), RevisionLines.Style.CURRENT, false));
                }
            }
            partiallyApplied(status)
                    .forEach((id, done) -> session.out()
                            .println(id + " (partially applied: " + done + " statement(s) committed; fix the failing"
                                    + " statement and run upgrade, which resumes after them, or downgrade -1 to undo"
                                    + " them)"));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "List revisions in order, newest first.")
    static final class History extends SessionCommand {

        @Option(
                names = {"-r", "--rev-range"},
                paramLabel = "RANGE",
                description = "Only revisions in [start]:[end]; 'current' may be either end.")
        String range;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show each revision in full.")
        boolean verbose;

        @Option(
                names = {"-i", "--indicate-current"},
                description = "Mark the database's current revisions.")
        boolean indicateCurrent;

        History(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            DatabaseStatus status = indicateCurrent ? migrations.status() : null;
            Set<String> current = indicateCurrent ? new HashSet<>(status.currentHeads()) : Set.of();
            Map<String, Integer> partial = indicateCurrent ? partiallyApplied(status) : Map.of();
            for (RevisionInfo revision : migrations.history(range)) {
                boolean isCurrent = current.contains(revision.id());
                String line = verbose
                        ? RevisionLines.verbose(revision, isCurrent)
                        : RevisionLines.line(revision, RevisionLines.Style.HISTORY, isCurrent);
                Integer done = partial.get(revision.id());
                session.out().println(done == null ? line : line + " (partially applied: " + done + " statement(s))");
            }
            return 0;
        }
    }

    @Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the scripts' head revisions.")
    static final class Heads extends SessionCommand {

        @Option(
                names = {"-v", "--verbose"},
                description = "Show each head in full.")
        boolean verbose;

        Heads(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            for (String head : migrations.heads()) {
                RevisionInfo revision = migrations.show(head);
                session.out()
                        .println(
                                verbose
                                        ? RevisionLines.verbose(revision, false)
                                        : RevisionLines.line(revision, RevisionLines.Style.HEADS, false));
            }
            BranchConflictLines.print(migrations, session.out());
            return 0;
        }
    }

    @Command(
            name = "branches",
            mixinStandardHelpOptions = true,
            description = "Show the revisions where the graph branches, with their children.")
    static final class Branches extends SessionCommand {

        @Option(
                names = {"-v", "--verbose"},
                description = "Show each branch point in full.")
        boolean verbose;

        Branches(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            Migrations migrations = session.engine();
            for (RevisionInfo branchPoint : migrations.branches()) {
                session.out()
                        .println(
                                verbose
                                        ? RevisionLines.verbose(branchPoint, false)
                                        : RevisionLines.line(branchPoint, RevisionLines.Style.BRANCH, false));
                String indent = " ".repeat(branchPoint.id().length());
                for (String child : branchPoint.children().stream().sorted().toList()) {
                    RevisionInfo childRevision = migrations.show(child);
                    String line = RevisionLines.line(childRevision, RevisionLines.Style.HEADS, false);
                    session.out().println(indent + " -> " + line + (verbose ? ", " + childRevision.message() : ""));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one revision in full.")
    static final class Show extends SessionCommand {

        @Parameters(paramLabel = "REV", description = "A revision id or prefix, a label, head or current.")
        String revision;

        Show(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            session.out().println(RevisionLines.verbose(session.engine().show(revision), false));
            return 0;
        }
    }

    /**
     * Revisions whose last run stopped after some of their statements committed (a database whose
     * DDL commits by itself), with how many: neither applied nor pending, so they are named apart.
     */
    static Map<String, Integer> partiallyApplied(DatabaseStatus status) {
        Map<String, Integer> partial = new LinkedHashMap<>();
        for (DatabaseStatus.RevisionStatus revision : status.revisions()) {
            if (revision.state() == DatabaseStatus.State.PARTIALLY_APPLIED) {
                List<HistoryRecord> runs = status.historyOf(revision.id());
                partial.put(
                        revision.id(),
                        runs.isEmpty() ? 0 : runs.get(runs.size() - 1).statementsDone());
            }
        }
        return partial;
    }
}
