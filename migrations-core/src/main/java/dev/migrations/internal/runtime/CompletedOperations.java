package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.DatabasePlatform;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which operations of a partly applied revision completed, and the operations that undo them. The
 * journal counts statements, not operations, so the revision's upgrade is replayed without a
 * database, each operation rendered as the platform renders it, until the completed statements are
 * accounted for. The mapping is trusted only when the replayed statements have the journal's
 * checksum (an operation whose statements depended on the catalog at the time, or an edit, shows as
 * a mismatch) and no operation stopped half way.
 *
 * <p>The completed operations are undone by their own reverses, last first, not by the revision's
 * {@code downgrade}: that code is written for the whole revision and would fail on what never
 * existed. Anything whose reverse would not restore the database refuses the whole undo: raw SQL,
 * data changes (rows inserted into a table the revision created go with the table), drops (their
 * data is gone), operations without a reverse. A SQL revision is always refused: its statements are
 * raw SQL, and its downgrade section cannot be matched to them statement by statement with certainty.
 */
final class CompletedOperations {

    /** An operation that undoes one completed operation, and what stays applied once it has run. */
    record Inverse(Operation operation, int statementsLeft, String checksumLeft) {}

    /** One thing the upgrade asked for, with its statements here; {@code sql} for a data statement. */
    private record Entry(Operation operation, String sql, List<String> statements, int firstStatement) {
        String describe() {
            return operation != null ? operation.describe() : "ops.update(" + abbreviate(sql) + ")";
        }
    }

    private CompletedOperations() {}

    /**
     * The inverses of the operations the first {@code journal.statementsDone()} statements carried
     * out, last first; or a refusal naming the revision, the completed statements and what to do.
     *
     * @param at where the database is, for the refusal
     */
    static List<Inverse> inverses(
            MigrationScript script, StatementJournal.Resume journal, DatabasePlatform platform, String at) {
        int done = journal.statementsDone();
        String revision = script.id();
        if (journal.interrupted()) {
            throw refuse(
                    script,
                    journal,
                    platform,
                    "the run that left them (an upgrade, or an undo of it) was interrupted, so statement " + (done + 1)
                            + " may or may not have taken effect on the server; run `migrations upgrade " + revision
                            + "` to finish the revision (it counts that statement's \"already exists\" as done), then"
                            + " downgrade it whole",
                    at);
        }
        if (!(script instanceof JavaMigrationScript)) {
            throw refuse(
                    script,
                    journal,
                    platform,
                    "it is a SQL revision: its statements are raw SQL, and its downgrade section undoes the whole"
                            + " revision, not these statements",
                    at);
        }
        Replay replay = new Replay(platform, done);
        try {
            script.upgrade(replay);
        } catch (Replay.Enough enough) {
            // every completed statement is accounted for
        } catch (Replay.Unknowable e) {
            throw refuse(script, journal, platform, e.getMessage(), at);
        } catch (Exception e) {
            if (replay.count < done) {
                throw refuse(
                        script,
                        journal,
                        platform,
                        "its upgrade, replayed without a database to find the operations that ran, stopped after "
                                + replay.count + " statement(s): " + e,
                        at);
            }
        }
        List<String> statements = new ArrayList<>();
        replay.entries.forEach(e -> statements.addAll(e.statements()));
        if (statements.size() < done
                || !StatementJournal.checksumOf(statements.subList(0, done)).equals(journal.checksum())) {
            throw refuse(
                    script,
                    journal,
                    platform,
                    "the statements its operations render now are not the ones that ran (the revision was edited,"
                            + " or an operation's statements depended on the catalog at the time)",
                    at);
        }
        List<String> reasons = new ArrayList<>();
        Set<String> createdTables = new HashSet<>();
        for (Entry entry : replay.entries) {
            int last = entry.firstStatement() + entry.statements().size() - 1;
            if (entry.firstStatement() <= done && last > done) {
                reasons.add(entry.describe() + " stopped half way (" + (done - entry.firstStatement() + 1) + " of its "
                        + entry.statements().size() + " statements ran)");
            }
            if (entry.operation() instanceof CreateTable create && !create.ifNotExists()) {
                createdTables.add(create.definition().schema() + "." + create.table());
            }
        }
        List<Inverse> inverses = new ArrayList<>();
        for (int i = replay.entries.size() - 1; i >= 0; i--) {
            Entry entry = replay.entries.get(i);
            Operation op = entry.operation();
            int left = entry.firstStatement() - 1;
            if (op == null) {
                reasons.add(entry.describe() + " changed data");
            } else if (op instanceof BulkInsert insert) {
                if (!createdTables.contains(insert.schema() + "." + insert.table())) {
                    reasons.add(op.describe() + " inserted rows into a table the revision did not create");
                }
            } else if (op instanceof Execute && entry.statements().isEmpty() || op instanceof ValidateConstraint) {
                continue; // raw SQL for another database ran nothing; dropping a constraint undoes its validation
            } else if (op instanceof CreateTable t && t.ifNotExists()
                    || op instanceof CreateIndex x && x.ifNotExists()) {
                reasons.add(op.describe() + " (if not exists) may have found it there already, and dropping it would"
                        + " drop what was there before");
            } else if (op instanceof DropTable || op instanceof DropColumn || op instanceof DropSequence) {
                reasons.add(op.describe() + " dropped data that is gone");
            } else {
                Optional<Operation> reverse = op.reverse();
                if (reverse.isEmpty()) {
                    reasons.add(op.irreversibleReason());
                } else {
                    inverses.add(
                            new Inverse(reverse.get(), left, StatementJournal.checksumOf(statements.subList(0, left))));
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw refuse(script, journal, platform, String.join("; ", reasons), at);
        }
        return inverses;
    }

    /** What the completed statements did, operation by operation, for messages. */
    static String describeCompleted(
            MigrationScript script, StatementJournal.Resume journal, DatabasePlatform platform) {
        if (!(script instanceof JavaMigrationScript)) {
            return "";
        }
        Replay replay = new Replay(platform, journal.statementsDone());
        try {
            script.upgrade(replay);
        } catch (Exception e) {
            // described as far as the replay got
        }
        return replay.entries.stream()
                .filter(e -> e.firstStatement() <= journal.statementsDone()
                        && !e.statements().isEmpty())
                .map(Entry::describe)
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static MigrationsException refuse(
            MigrationScript script, StatementJournal.Resume journal, DatabasePlatform platform, String why, String at) {
        int done = journal.statementsDone();
        return new MigrationsException(
                "Revision " + script.id() + " (" + script.source() + ") is partly applied: an earlier run completed"
                        + " its first " + done + " statement(s) (history id " + journal.historyId() + ")"
                        + describeCompleted(script, journal, platform) + ". The downgrade cannot undo them safely: "
                        + why + ". Nothing was changed: the database is still at " + at + ", with those "
                        + done + " statement(s) applied. Undo them by hand and run `migrations stamp --purge " + at
                        + "`, after which the revision counts as not applied and a downgrade further down runs as"
                        + " usual; or fix the revision, finish it with `migrations upgrade " + script.id()
                        + "` and downgrade it whole.",
                script.id(),
                null);
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /**
     * Records what an upgrade asks for, rendered as the platform would run it, running nothing; stops
     * at the first operation with statements once {@code done} statements are accounted for. Rows
     * added with a batch or a bulk insert are not journaled statements: they count as possibly done
     * when they come before that point. Code that reads data or takes the connection cannot be
     * replayed past that point.
     */
    private static final class Replay implements Ops {

        /** Ends the replay once the completed statements are accounted for. */
        static final class Enough extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Enough() {
                super(null, null, false, false);
            }
        }

        /** The replay cannot say what the completed statements were. */
        static final class Unknowable extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Unknowable(String message) {
                super(message, null, false, false);
            }
        }

        private final DatabasePlatform platform;
        private final int done;
        private final List<Entry> entries = new ArrayList<>();
        private int count;

        Replay(DatabasePlatform platform, int done) {
            this.platform = platform;
            this.done = done;
        }

        @Override
        public void apply(Operation operation) {
            List<String> statements;
            if (operation instanceof BulkInsert) {
                statements = List.of(); // sent as batches, which the journal does not count
            } else if (platform.rebuilder() != null && platform.rebuilder().needsRebuild(operation)) {
                throw new Unknowable(operation.describe() + " is made by rebuilding its table, whose statements"
                        + " depend on the table as it was");
            } else {
                statements = platform.ddl().render(operation);
            }
            add(new Entry(operation, null, statements, count + 1));
        }

        @Override
        public int update(String sql, Object... parameters) {
            add(new Entry(null, sql, List.of(sql), count + 1));
            return 0;
        }

        private void add(Entry entry) {
            if (count >= done && !entry.statements().isEmpty()) {
                throw new Enough();
            }
            entries.add(entry);
            count += entry.statements().size();
        }

        /** A read after the completed statements changes nothing; before them, the replay cannot go on. */
        @Override
        public void query(String sql, RowHandler handler, Object... parameters) {
            if (count >= done) {
                throw new Enough();
            }
            throw new Unknowable("its upgrade reads data (ops.query) before the completed statements end, so"
                    + " they cannot be matched to its operations without a database");
        }

        /** Batched rows and work on the connection are not journaled: whether they ran cannot be told. */
        @Override
        public BatchWriter batch(String sql, int batchSize) {
            throw new Unknowable("its upgrade writes rows in batches (ops.batch), which the journal does not count,"
                    + " so whether they were written cannot be told");
        }

        @Override
        public Connection connection() {
            throw new Unknowable(
                    "its upgrade uses the connection (ops.connection), whose work the journal does not" + " count");
        }

        @Override
        public String database() {
            return platform.id();
        }

        @Override
        public boolean offline() {
            return false;
        }
    }
}
