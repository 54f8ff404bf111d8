package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.platform.DatabasePlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * The statement journal of one revision run without a transaction around its DDL (a database
 * whose DDL commits by itself, or a revision declared non-transactional). After each statement that
 * is committed once it has run (every statement in autocommit, DDL inside a transaction), the
 * journal row in the history table is brought up to date: how many statements are done and a
 * checksum of their SQL. A run that resumes a partly applied revision skips that many statements,
 * after checking that they are the ones that ran.
 */
final class StatementJournal {

    /** The error a journal row holds while its run is under way; a row still holding it was interrupted. */
    static final String RUNNING = "running";

    /**
     * What an earlier run of the same revision completed; {@link #NONE} when there is nothing to
     * resume. {@code interrupted}: that run died (killed, connection lost) rather than failed, so its
     * next statement may have completed on the server after it died.
     */
    record Resume(long historyId, int statementsDone, String checksum, boolean interrupted) {
        static final Resume NONE = new Resume(0, 0, null, false);
    }

    /** Writes the journal row. */
    interface Writer {
        /** Inserts the row for this run and returns its id. */
        long start(int statementsDone, String checksum) throws SQLException;

        void update(long id, int statementsDone, String checksum) throws SQLException;
    }

    private final String revision;
    private final Resume resume;
    private final Connection connection;
    private final DatabasePlatform platform;
    private final Writer writer;
    private final MessageDigest digest;
    private int seen;
    private int done;
    private String doneChecksum;
    /** The checksum of the statements before the current one. */
    private String checksumBefore;

    private long rowId;

    /** @param continuedRow the journal row of an earlier attempt in this run to carry on, or 0 */
    StatementJournal(
            String revision,
            Resume resume,
            long continuedRow,
            Connection connection,
            DatabasePlatform platform,
            Writer writer) {
        this.revision = revision;
        this.rowId = continuedRow;
        this.resume = resume;
        this.connection = connection;
        this.platform = platform;
        this.writer = writer;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.done = resume.statementsDone();
        this.doneChecksum = resume.checksum();
    }

    /**
     * Counts the next statement; true when an earlier run completed it, so it must not run again.
     * At the last completed one, checks that the skipped statements are the ones that ran.
     */
    boolean skip(String sql) {
        seen++;
        checksumBefore = checksum();
        digest.update(sql.strip().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (seen > resume.statementsDone()) {
            return false;
        }
        if (seen == resume.statementsDone() && !checksum().equals(resume.checksum())) {
            throw new MigrationsException(
                    "Revision " + revision + " was partly applied: an earlier run completed its first "
                            + resume.statementsDone() + " statement(s) (history id " + resume.historyId()
                            + "), but the revision's first " + resume.statementsDone() + " statement(s) are no"
                            + " longer the ones that ran: they were edited since. Restore them (only the failing"
                            + " statement and those after it may change), or undo the completed statements by hand"
                            + " and run `migrations stamp --purge <current heads>` to start the revision over.",
                    revision,
                    null);
        }
        return true;
    }

    /**
     * Whether the statement about to run is the one an interrupted earlier run was at: it may have
     * completed on the server after that run died, so its "already exists" means done.
     */
    boolean mayHaveRunBefore() {
        return resume.interrupted() && seen == resume.statementsDone() + 1;
    }

    /** Before the first statement: the journal row, marked running, committed at once. */
    void begin() throws SQLException {
        if (rowId == 0) {
            rowId = writer.start(done, doneChecksum);
            commitIfInTransaction();
        }
    }

    /**
     * Before a statement that commits by itself inside the revision's transaction: it will commit the
     * statements before it too, so they are recorded as done first, in one commit with them; if the
     * process dies during the statement, the journal is exact up to it.
     */
    void beforeStatement(String sql) throws SQLException {
        if (!connection.getAutoCommit() && platform.commitsImplicitly(sql) && seen - 1 > done) {
            done = seen - 1;
            doneChecksum = checksumBefore;
            writer.update(rowId, done, doneChecksum);
            connection.commit();
        }
    }

    /** After a statement ran: recorded when it is committed now (in autocommit, or DDL that commits itself). */
    void completed(String sql) throws SQLException {
        if (!connection.getAutoCommit() && !platform.commitsImplicitly(sql)) {
            return; // undone with the transaction if a later statement fails
        }
        done = seen;
        doneChecksum = checksum();
        writer.update(rowId, done, doneChecksum);
        commitIfInTransaction(); // the statement committed itself; this commits its journal entry
    }

    private void commitIfInTransaction() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Statements committed so far, counting those an earlier run completed. */
    int done() {
        return done;
    }

    /** The checksum of the statements counted by {@link #done()}. */
    String doneChecksum() {
        return doneChecksum;
    }

    /** The statement this run is at: the one that failed, if one did. */
    int current() {
        return seen;
    }

    /** The journal row of this run, or 0 before {@link #begin}. */
    long rowId() {
        return rowId;
    }

    int resumedAfter() {
        return resume.statementsDone();
    }

    /** What a failure left behind, for the report; names the journal column and what to do. */
    String report(String historyTable) {
        String applied = done == 0
                ? " None of its statements had committed, so nothing of it was applied."
                : " Each DDL statement commits by itself here, so its first " + done + " statement(s) stay applied;"
                        + " " + historyTable + " records them (statements_done = " + done + ") and the revision is"
                        + " partly applied. Fix statement " + (done + 1) + " and run the upgrade again: it resumes"
                        + " there without running the first " + done + " again. To start the revision over instead,"
                        + " run `migrations downgrade -1`, which undoes only those statements where the revision's"
                        + " operations allow it (or undo them by hand and run `migrations stamp --purge <current"
                        + " heads>`); to finish it by hand, `migrations stamp " + revision + "`.";
        return " The revision stopped at its statement " + seen + "." + applied;
    }

    /** The journal's checksum of {@code statements}, as {@link #doneChecksum()} would give it after them. */
    static String checksumOf(List<String> statements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String sql : statements) {
                digest.update(sql.strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String checksum() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
