package dev.migrations.internal.runtime;

import dev.migrations.api.HistoryRecord;
import dev.migrations.internal.script.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement journals of one run: where each journaled revision resumes (the partly applied
 * revisions are read once per run, when the first journaled revision starts), and the history row
 * each step ends with.
 */
final class Journals {

    private static final Logger log = LoggerFactory.getLogger(Journals.class);

    private final VersionStore store;
    private Map<String, StatementJournal.Resume> partlyApplied;

    Journals(VersionStore store) {
        this.store = store;
    }

    /** The journal of one attempt: resuming what an earlier run completed, or the attempt before this one. */
    StatementJournal open(
            Connection connection,
            String revision,
            List<String> downRevisions,
            HistoryRecord.Direction direction,
            String message,
            MigrationScript script,
            Instant startedAt,
            String appliedBy,
            StatementJournal previousAttempt)
            throws SQLException {
        StatementJournal.Resume resume;
        if (previousAttempt != null) {
            resume = new StatementJournal.Resume(
                    previousAttempt.rowId(), previousAttempt.done(), previousAttempt.doneChecksum(), false);
        } else {
            if (partlyApplied == null) {
                partlyApplied = store.partlyApplied(connection);
            }
            // an upgrade also resumes after an undo of the partly applied revision that stopped part way
            resume = direction == HistoryRecord.Direction.UPGRADE
                    ? PartialUndo.journal(partlyApplied, revision)
                    : partlyApplied.getOrDefault(direction.sqlName() + ":" + revision, StatementJournal.Resume.NONE);
            if (resume.statementsDone() > 0 || resume.interrupted()) {
                log.info(
                        "Resuming {} of {} after the {} statement(s) an earlier run completed (history id {})",
                        direction.sqlName(),
                        revision,
                        resume.statementsDone(),
                        resume.historyId());
            }
        }
        StatementJournal.Writer writer = new StatementJournal.Writer() {
            @Override
            public long start(int statementsDone, String checksum) throws SQLException {
                HistoryRecord running = new HistoryRecord(
                        0,
                        revision,
                        downRevisions,
                        direction,
                        message,
                        script.checksum(),
                        startedAt,
                        0,
                        appliedBy,
                        false,
                        StatementJournal.RUNNING,
                        statementsDone);
                return store.startJournal(connection, running, checksum);
            }

            @Override
            public void update(long id, int statementsDone, String checksum) throws SQLException {
                store.journal(connection, id, statementsDone, checksum);
            }
        };
        return new StatementJournal(
                revision,
                resume,
                previousAttempt == null ? 0 : previousAttempt.rowId(),
                connection,
                store.platform(),
                writer);
    }

    /** Writes the step's history row, or ends its journal row. */
    void record(Connection connection, HistoryRecord row, StatementJournal journal) throws SQLException {
        if (journal != null && journal.rowId() != 0) {
            store.finish(connection, journal.rowId(), row, journal.doneChecksum());
        } else {
            store.record(connection, row);
        }
    }
}
