package dev.migrations.lint;

import dev.migrations.api.MigrationsException;
import dev.migrations.lint.TracedStatement.Status;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.FailureKind;
import dev.migrations.platform.LockTracer;
import dev.migrations.platform.LockTracer.HeldLock;
import dev.migrations.platform.LockTracer.Relation;
import dev.migrations.platform.TableLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs statements in the trace's transaction, each behind a savepoint and within what is left of
 * the budget, and reads the session's locks and the relations' files around it. Compares what it
 * saw with the static answer.
 */
final class TraceSession {

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private final Connection connection;
    private final LockTracer tracer;
    private final DatabasePlatform platform;
    private final long deadline;
    private final Duration budget;
    private String stopped;
    private Set<HeldLock> directSince;

    TraceSession(Connection connection, LockTracer tracer, DatabasePlatform platform, Duration budget) {
        this.connection = connection;
        this.tracer = tracer;
        this.platform = platform;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** Why the trace stopped early, or null. */
    String stopped() {
        return stopped;
    }

    Connection connection() {
        return connection;
    }

    static TracedStatement notTraced(String location, String text, String why, List<TableLock> expected) {
        return new TracedStatement(location, text, Status.NOT_TRACED, List.of(), List.of(), 0, why, expected, null);
    }

    /** Runs {@code work} under observation; never lets a failure end the transaction. */
    TracedStatement run(String location, String text, List<TableLock> expected, Work work) {
        if (stopped != null) {
            return notTraced(location, text, "the trace stopped before it (" + stopped + ")", expected);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            stopped = "its budget of " + budget.toMillis() + " ms ran out";
            return notTraced(location, text, "the trace stopped before it (" + stopped + ")", expected);
        }
        Savepoint savepoint = null;
        try {
            tracer.limit(connection, Duration.ofNanos(left));
            savepoint = connection.setSavepoint();
            Set<HeldLock> before = tracer.locks(connection);
            Map<Long, Relation> relationsBefore = tracer.relations(connection);
            long start = System.nanoTime();
            work.run();
            long millis = (System.nanoTime() - start) / 1_000_000;
            Set<HeldLock> after = tracer.locks(connection);
            Map<Long, Relation> relationsAfter = tracer.relations(connection);
            connection.releaseSavepoint(savepoint);
            return compare(location, text, expected, before, after, relationsBefore, relationsAfter, millis);
        } catch (SQLException e) {
            rollBack(savepoint, e);
            if (tracer.stoppedByLimit(e)) {
                stopped = "a statement waited for a lock or ran longer than the budget of " + budget.toMillis()
                        + " ms, and was stopped";
                return notTraced(location, text, stopped, expected);
            }
            if (platform.classify(e) == FailureKind.NEEDS_AUTOCOMMIT) {
                return notTraced(location, text, "it cannot run inside a transaction", expected);
            }
            return new TracedStatement(
                    location, text, Status.FAILED, List.of(), List.of(), 0, oneLine(e.getMessage()), expected, null);
        }
    }

    private void rollBack(Savepoint savepoint, SQLException failure) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
            throw new MigrationsException("The trace could not roll back a failed statement: " + e.getMessage(), e);
        }
    }

    /** Remembers the locks held when the revision took the JDBC connection itself. */
    void directUseStarts() throws SQLException {
        if (directSince == null) {
            directSince = tracer.locks(connection);
        }
    }

    /** The locks taken by statements run on the connection directly, since {@link #directUseStarts}. */
    void directUseEnds(String location, List<TracedStatement> out) {
        if (directSince == null) {
            return;
        }
        try {
            Set<HeldLock> after = tracer.locks(connection);
            Map<Long, Relation> relations = tracer.relations(connection);
            TracedStatement s = compare(
                    location,
                    "statements run on ops.connection()",
                    List.of(),
                    directSince,
                    after,
                    relations,
                    relations,
                    0);
            out.add(s.uninspected());
        } catch (SQLException e) {
            out.add(new TracedStatement(
                    location,
                    "statements run on ops.connection()",
                    Status.FAILED,
                    List.of(),
                    List.of(),
                    0,
                    oneLine(e.getMessage()),
                    List.of(),
                    null));
        }
        directSince = null;
    }

    private TracedStatement compare(
            String location,
            String text,
            List<TableLock> expected,
            Set<HeldLock> before,
            Set<HeldLock> after,
            Map<Long, Relation> relationsBefore,
            Map<Long, Relation> relationsAfter,
            long millis) {
        Map<Long, Relation> names = new HashMap<>(relationsAfter);
        names.putAll(relationsBefore); // a renamed table is reported by the name the statement used
        Map<String, List<String>> taken = new HashMap<>();
        Map<String, Set<String>> held = new HashMap<>();
        List<String> locks = new ArrayList<>();
        for (HeldLock lock : after) {
            Relation r = names.get(lock.relation());
            if (r == null || !r.table()) {
                continue; // catalogs and indexes: what matters to the application is the table's lock
            }
            String table = key(r.name());
            held.computeIfAbsent(table, t -> new HashSet<>()).add(lock.mode());
            if (!before.contains(lock)) {
                taken.computeIfAbsent(table, t -> new ArrayList<>()).add(lock.mode());
            }
        }
        Map<String, String> display = new HashMap<>();
        names.values().forEach(r -> display.put(key(r.name()), r.name()));
        taken.forEach((table, modes) -> locks.add(strongest(modes) + " on " + display.getOrDefault(table, table)));
        List<String> rewrites = new ArrayList<>();
        Set<String> rewritten = new HashSet<>();
        relationsBefore.forEach((id, r) -> {
            Relation now = relationsAfter.get(id);
            if (now != null && now.file() != r.file()) {
                rewrites.add(r.name() + (r.table() ? "" : " (index)"));
                if (r.table()) {
                    rewritten.add(key(r.name()));
                }
            }
        });
        rewrites.sort((a, b) -> Boolean.compare(a.endsWith("(index)"), b.endsWith("(index)")));
        for (TableLock e : expected) {
            String table = key(e.table());
            boolean takenNow = taken.getOrDefault(table, List.of()).contains(e.mode());
            if (!takenNow && held.getOrDefault(table, Set.of()).contains(e.mode())) {
                locks.add(e.mode() + " on " + e.table() + " (held already)");
            }
        }
        locks.sort(String::compareTo);
        String disagreement = disagreement(expected, taken, held, rewritten, relationsBefore, relationsAfter);
        return new TracedStatement(
                location, text, Status.TRACED, locks, rewrites, millis, null, expected, disagreement);
    }

    private String disagreement(
            List<TableLock> expected,
            Map<String, List<String>> taken,
            Map<String, Set<String>> held,
            Set<String> rewritten,
            Map<Long, Relation> before,
            Map<Long, Relation> after) {
        List<String> differences = new ArrayList<>();
        Set<String> predicted = new HashSet<>();
        Set<String> existed = new HashSet<>();
        before.values().stream().filter(Relation::table).forEach(r -> existed.add(key(r.name())));
        for (TableLock e : expected) {
            String table = key(e.table());
            predicted.add(table);
            Set<String> modes = held.getOrDefault(table, Set.of());
            if (!modes.contains(e.mode()) && !taken.containsKey(table)) {
                differences.add("no lock on " + e.table() + " was seen, " + e.mode() + " was predicted");
                continue;
            }
            String strongest = strongest(taken.getOrDefault(table, List.of()));
            if (!modes.contains(e.mode())) {
                differences.add(e.table() + ": took " + strongest + ", " + e.mode() + " was predicted");
            } else if (strongest != null
                    && platform.safety().strength(strongest) > platform.safety().strength(e.mode())) {
                differences.add(e.table() + ": took " + strongest + ", stronger than the predicted " + e.mode());
            }
            boolean rewrote = rewritten.contains(table);
            if (existed.contains(table) && rewrote != e.rewrites()) {
                differences.add(e.table()
                        + (rewrote
                                ? " was rewritten, which was not predicted"
                                : " was not rewritten," + " though a rewrite was predicted"));
            }
        }
        taken.forEach((table, modes) -> {
            String strongest = strongest(modes);
            if (!predicted.contains(table) && platform.safety().blocks(strongest) != TableLock.Blocks.NOTHING) {
                differences.add("also took " + strongest + " on " + table + ", which was not predicted");
            }
        });
        rewritten.stream()
                .filter(t -> !predicted.contains(t))
                .forEach(t -> differences.add("also rewrote " + t + ", which was not predicted"));
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private String strongest(List<String> modes) {
        return modes.stream()
                .max((a, b) -> Integer.compare(
                        platform.safety().strength(a), platform.safety().strength(b)))
                .orElse(null);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s+", " ");
    }
}
