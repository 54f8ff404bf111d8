package dev.migrations.lint;

import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.TableLock;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one traced revision: the static answer for each (from the same state the lint
 * follows), then the run itself, collected in order.
 */
final class TraceStatements {

    private final TraceSession session;
    private final DatabasePlatform platform;
    private final LintState state;
    private final RevisionContext context;
    private final List<TracedStatement> traced = new ArrayList<>();

    TraceStatements(TraceSession session, DatabasePlatform platform, LintState state, RevisionContext context) {
        this.session = session;
        this.platform = platform;
        this.state = state;
        this.context = context;
    }

    List<TracedStatement> traced() {
        return traced;
    }

    /**
     * Adds a statement's trace; a failure after a statement that was not run may only mean it needed
     * that statement, which the detail says.
     */
    void add(TracedStatement statement) {
        boolean skippedBefore = traced.stream().anyMatch(t -> t.status() == TracedStatement.Status.NOT_TRACED);
        if (statement.status() == TracedStatement.Status.FAILED && skippedBefore) {
            statement = statement.withDetail(" (it may need a statement above that was not traced)");
        }
        traced.add(statement);
    }

    List<TableLock> expect(Operation operation) {
        return platform.safety().locks(operation, context);
    }

    void follow(Operation operation) {
        state.apply(operation);
    }

    /** One SQL statement: read for the static answer, run unless it must run outside a transaction. */
    void sql(String location, String sql) {
        session.directUseEnds(location, traced);
        List<Step> steps = SqlStatementReader.read(sql);
        List<TableLock> expected = new ArrayList<>();
        boolean concurrent = false;
        for (Step step : steps) {
            expected.addAll(locks(step));
            concurrent |= step.operation() != null && TracingOps.concurrent(step.operation());
        }
        String text = steps.isEmpty() ? sql : steps.get(0).shortText();
        boolean inspected = steps.stream().noneMatch(st -> st.kind() == Step.Kind.NOT_INSPECTED);
        if (TransactionGuard.controlsTransactions(sql)) {
            add(TraceSession.notTraced(
                    location,
                    text,
                    "it controls the transaction, which only the trace may end (by rolling back)",
                    expected));
        } else if (concurrent) {
            add(TraceSession.notTraced(
                    location, text, "a concurrent build or drop cannot run inside the trace's transaction", expected));
        } else {
            TracedStatement run = session.run(location, text, expected, () -> {
                try (Statement s = session.connection().createStatement()) {
                    s.execute(sql);
                }
            });
            add(inspected ? run : run.uninspected());
        }
        for (Step step : steps) {
            if (step.operation() != null) {
                state.apply(step.operation());
            } else if (step.kind() == Step.Kind.SESSION) {
                context.set(step.setting(), step.value());
            }
        }
    }

    /** A data statement a Java revision runs with bind parameters. */
    void data(String location, String sql, TraceSession.Work work) {
        session.directUseEnds(location, traced);
        List<Step> steps = SqlStatementReader.read(sql);
        List<TableLock> expected = new ArrayList<>();
        steps.forEach(step -> expected.addAll(locks(step)));
        String text = Step.harmless(sql, null).shortText();
        if (TransactionGuard.controlsTransactions(sql)) {
            add(TraceSession.notTraced(
                    location,
                    text,
                    "it controls the transaction, which only the trace may end (by rolling back)",
                    expected));
            return;
        }
        TracedStatement run = session.run(location, text, expected, work);
        add(steps.stream().anyMatch(st -> st.kind() == Step.Kind.NOT_INSPECTED) ? run.uninspected() : run);
    }

    private List<TableLock> locks(Step step) {
        return switch (step.kind()) {
            case OPERATION -> platform.safety().locks(step.operation(), context);
            case DATA -> step.table() == null ? List.of() : platform.safety().dataLocks(step.verb(), step.table());
            default -> List.of();
        };
    }
}
