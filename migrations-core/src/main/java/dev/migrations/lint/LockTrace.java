package dev.migrations.lint;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.SqlMigrationScript;
import dev.migrations.internal.script.SqlStatement;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.LockTracer;
import dev.migrations.platform.Platforms;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code lint --trace}: runs the revisions against the live database in one transaction that is
 * always rolled back, statement by statement, and reports the locks each took and the tables it
 * rewrote, next to the static answer. No statement waits for a lock or runs past the budget, so the
 * trace never holds a lock longer than that; statements that cannot run in a transaction (a
 * concurrent index) are not run, and reported with the static answer.
 */
public final class LockTrace {

    private final DatabasePlatform platform;
    private final LintSettings settings;
    private final DdlSettings ddl;

    public LockTrace(DatabasePlatform platform, LintSettings settings, DdlSettings ddl) {
        this.platform = platform;
        this.settings = settings;
        this.ddl = ddl;
    }

    /**
     * @param schema the schema of the user's tables, or null for the connection's current one
     * @param ownTables the engine's own tables, left out of the schema the static answer starts from
     */
    public TraceReport trace(
            List<MigrationScript> scripts, Connection connection, String schema, Set<String> ownTables, String scope) {
        LockTracer tracer = platform.safety()
                .tracer()
                .orElseThrow(() -> new MigrationsException("lint --trace reads the locks a statement takes, which "
                        + platform.displayName() + " does not show. It works on: "
                        + Platforms.all().stream()
                                .filter(p -> p.safety().tracer().isPresent())
                                .map(DatabasePlatform::displayName)
                                .collect(Collectors.joining(", "))
                        + ". `migrations lint` without --trace gives the static answer."));
        try {
            LintState state = new LintState(
                    platform.has(Capability.AUTOGENERATE)
                            ? platform.inspector().inspect(connection, schema, ownTables)
                            : null);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                TraceSession session = new TraceSession(connection, tracer, platform, settings.traceTimeout());
                List<TraceReport.TracedRevision> revisions = new ArrayList<>();
                for (MigrationScript script : scripts) {
                    revisions.add(revision(script, session, state));
                }
                return new TraceReport(
                        platform.displayName(), scope, settings.traceTimeout(), revisions, session.stopped());
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationsException("The trace failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private TraceReport.TracedRevision revision(MigrationScript script, TraceSession session, LintState state) {
        state.startRevision();
        RevisionContext context = new RevisionContext(state, true, ddl);
        TraceStatements statements = new TraceStatements(session, platform, state, context);
        if (script instanceof SqlMigrationScript file) {
            for (SqlStatement statement : file.upgradeStatements()) {
                statements.sql("line " + statement.line(), statement.sql());
            }
        } else {
            TracingOps ops = new TracingOps(statements, session, platform);
            try {
                script.upgrade(ops);
            } catch (Exception e) {
                statements.add(new TracedStatement(
                        null,
                        "upgrade(ops)",
                        TracedStatement.Status.FAILED,
                        List.of(),
                        List.of(),
                        0,
                        "upgrade(ops) threw " + e,
                        List.of(),
                        null));
            }
        }
        session.directUseEnds("end", statements.traced());
        return new TraceReport.TracedRevision(script.id(), script.message(), script.source(), statements.traced());
    }
}
