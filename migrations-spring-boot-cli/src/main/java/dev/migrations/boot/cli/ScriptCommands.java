package dev.migrations.boot.cli;

import dev.migrations.GeneratedRevision;
import dev.migrations.RevisionRequest;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that write new scripts: {@code revision} and {@code merge}. */
final class ScriptCommands {

    private ScriptCommands() {}

    @Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision file.")
    static final class Revision extends SessionCommand {

        @Option(
                names = {"-m", "--message"},
                required = true,
                description = "What the revision does.")
        String message;

        @Option(
                names = "--autogenerate",
                description = "Fill the revision from the entities' differences with the" + " database.")
        boolean autogenerate;

        @Option(
                names = "--rename",
                paramLabel = "OLD=NEW",
                description =
                        "With --autogenerate: a table"
                                + " (old=new) or column (table.old=new) that was renamed, kept as a rename instead of a drop and an add.")
        List<String> renames = new ArrayList<>();

        @Option(
                names = "--baseline",
                description = "Write the first revision from the entities alone, as if the database were empty:"
                        + " for a database that predates migrations (then stamp it with this revision).")
        boolean baseline;

        @Option(
                names = "--drop-unmanaged-tables",
                description =
                        "With --autogenerate: drop tables no entity maps" + " (they are only reported otherwise).")
        boolean dropUnmanagedTables;

        @Option(
                names = "--safe",
                description = "With --autogenerate: write each change in its safe form where that is the same change"
                        + " in safer steps (a concurrent index, a NOT VALID foreign key validated later); what must"
                        + " run outside a transaction goes to a second, non-transactional revision.")
        boolean safe;

        @Option(names = "--head", paramLabel = "REV", description = "Revision to build on (default: head).")
        String head;

        @Option(names = "--splice", description = "Allow --head to name a revision that is not a head.")
        boolean splice;

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the new revision.")
        List<String> branchLabels = new ArrayList<>();

        @Option(names = "--depends-on", paramLabel = "REV", description = "Revisions or labels it depends on.")
        List<String> dependsOn = new ArrayList<>();

        @Option(names = "--rev-id", paramLabel = "ID", description = "Id to use instead of a generated one.")
        String revId;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "java or sql (default:" + " migrations.generate.format).")
        ScriptFormat format;

        Revision(Session session) {
            super(session);
        }

        @Override
        boolean needsEntities() {
            return autogenerate || baseline;
        }

        @Override
        public Integer call() {
            RevisionRequest request = RevisionRequest.of(message)
                    .head(head, splice)
                    .branchLabels(branchLabels)
                    .dependsOn(dependsOn)
                    .revId(revId)
                    .format(format);
            if (baseline) {
                request = request.autogenerate(
                        RevisionRequest.Autogenerate.baseline(EntityComparison.requireEntities(session)));
            } else if (autogenerate) {
                request = request.autogenerate(new RevisionRequest.Autogenerate(
                                EntityComparison.requireEntities(session),
                                Renames.parse(renames).and(EntityComparison.renameHints(session)),
                                dropUnmanagedTables
                                        ? SchemaComparator.UnmanagedTables.DROP
                                        : SchemaComparator.UnmanagedTables.REPORT)
                        .safe(safe));
            } else if (safe) {
                throw new MigrationsException("--safe rewrites what --autogenerate finds; add --autogenerate, or"
                        + " write the safe forms by hand (`migrations lint` shows them).");
            }
            GeneratedRevision generated = session.engine().revision(request);
            if (generated.diff() != null) {
                EntityComparison.report(generated.diff(), session.out());
            }
            if (!generated.written()) {
                session.out()
                        .println("No changes in schema detected; no revision written (run without"
                                + " --autogenerate for an empty one).");
                return 0;
            }
            session.out()
                    .println("Generating " + generated.file().toAbsolutePath().normalize() + " ... done");
            if (baseline) {
                session.out()
                        .println("A database that already has these tables: record that with `migrations stamp "
                                + generated.revision() + "` (a new database gets them from `migrations upgrade`).");
            }
            if (generated.followUp() != null) {
                session.out()
                        .println("Generating "
                                + generated.followUp().toAbsolutePath().normalize()
                                + " ... done (non-transactional: it runs what cannot run in a transaction)");
            }
            AutogenerateLint.report(generated.lint(), safe, session.out());
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge two or more heads into one.")
    static final class Merge extends SessionCommand {

        @Option(
                names = {"-m", "--message"},
                description = "What the merge joins.")
        String message = "merge";

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the merge revision.")
        String branchLabel;

        @Option(names = "--rev-id", paramLabel = "ID", description = "Id to use instead of a generated one.")
        String revId;

        @Parameters(paramLabel = "REVS", arity = "1..*", description = "Revisions to merge, or heads for all.")
        List<String> revisions;

        Merge(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            BranchConflictLines.print(session.engine(), session.out());
            Path file = session.engine().merge(message, revisions, branchLabel, revId);
            session.out().println("Generating " + file.toAbsolutePath().normalize() + " ... done");
            return 0;
        }
    }
}
