package dev.migrations.lint;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.Hazard;
import dev.migrations.platform.Platforms;
import dev.migrations.platform.SafeForm;
import dev.migrations.platform.SafetyRule;
import dev.migrations.platform.Severity;
import dev.migrations.platform.TableLock;
import dev.migrations.platform.TableSize;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lints revisions for one database: reads what each does (SQL statements or the operations a Java
 * upgrade records), follows the schema from the live catalog through them, asks the generic rules
 * and the platform's own about each change, and weighs each finding by the settings, the table's
 * size and what the revision accepts. Nothing is run.
 */
public final class Linter {

    private final DatabasePlatform platform;
    private final LintSettings settings;
    private final DdlSettings ddl;

    public Linter(DatabasePlatform platform, LintSettings settings, DdlSettings ddl) {
        this.platform = platform;
        this.settings = settings;
        this.ddl = ddl;
        Set<String> known = knownRules();
        for (String id : settings.rules().keySet()) {
            if (!known.contains(id)) {
                throw new MigrationsException("The lint settings name rule '" + id + "', which does not exist. Known"
                        + " rules: " + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    /** Every rule id of the generic rules and of every database's, for settings and {@code lintIgnore}. */
    public static Set<String> knownRules() {
        Set<String> ids = new LinkedHashSet<>();
        rules(Platforms.all()).forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** The generic rules, then each database's own, each id once. */
    public static List<SafetyRule> rules(List<DatabasePlatform> platforms) {
        Map<String, SafetyRule> rules = new LinkedHashMap<>();
        GenericRules.ALL.forEach(r -> rules.put(r.id(), r));
        platforms.forEach(p -> p.safety().rules().forEach(r -> rules.putIfAbsent(r.id(), r)));
        return List.copyOf(rules.values());
    }

    /**
     * Lints {@code scripts}, in the order they would run.
     *
     * @param before the revisions that run before them, in order, followed (not linted) for the schema
     *     they start from when the live database is not where they start
     * @param live the database they would run on, for its schema and table sizes; null to lint the
     *     scripts alone
     * @param scope which revisions these are, in words, for the report
     */
    public LintReport lint(
            List<MigrationScript> before, List<MigrationScript> scripts, LiveCatalog live, String scope) {
        LintState state;
        try {
            state = new LintState(live != null && live.startsHere() ? live.schema() : null);
        } catch (SQLException e) {
            throw new MigrationsException("The lint could not read the database's catalog: " + e.getMessage(), e);
        }
        if (live == null || !live.startsHere()) {
            for (MigrationScript script : before) {
                state.startRevision();
                RevisionSteps.upgrade(script, platform.id()).stream()
                        .filter(s -> s.operation() != null)
                        .forEach(s -> state.apply(s.operation()));
            }
            state.settle();
        }
        Set<String> known = knownRules();
        List<RevisionLint> revisions = new ArrayList<>();
        for (MigrationScript script : scripts) {
            revisions.add(lint(script, state, live, Suppressions.of(script, known)));
        }
        return new LintReport(platform.displayName(), scope, live != null && live.readsSizes(), revisions);
    }

    private RevisionLint lint(MigrationScript script, LintState state, LiveCatalog live, Suppressions accepted) {
        RevisionSteps read = RevisionSteps.of(script, platform.id());
        boolean inTransaction = script.transactional() && platform.has(Capability.TRANSACTIONAL_DDL);
        state.startRevision();
        RevisionContext context = new RevisionContext(state, inTransaction, ddl);
        List<Raw> raw = new ArrayList<>();
        Map<String, LockPreview> preview = new LinkedHashMap<>();
        List<Step> backfills = new ArrayList<>();
        boolean blockingDdl = false;
        for (Step step : read.steps()) {
            List<TableLock> locks = List.of();
            String note = null;
            switch (step.kind()) {
                case OPERATION -> {
                    locks = platform.safety().locks(step.operation(), context);
                    List<Hazard> hazards = new ArrayList<>(step.operation().accept(new GenericRules(context)));
                    hazards.addAll(platform.safety().hazards(step.operation(), context));
                    hazards.forEach(h -> raw.add(new Raw(h, step)));
                    blockingDdl |= locks.stream()
                            .anyMatch(l -> l.blocks() != TableLock.Blocks.NOTHING && !context.isNew(l.table()));
                    state.apply(step.operation());
                }
                case DATA -> {
                    locks = step.table() == null ? List.of() : platform.safety().dataLocks(step.verb(), step.table());
                    if (step.rewritesRows() && step.table() != null && !context.isNew(step.table())) {
                        backfills.add(step);
                    }
                }
                case SESSION -> {
                    context.set(step.setting(), step.value());
                    note = "sets " + step.setting();
                }
                case HARMLESS -> note = "no table lock that matters";
                case NOT_INSPECTED -> {
                    note = "not inspected: " + step.problem();
                    raw.add(new Raw(
                            new Hazard(GenericRules.NOT_INSPECTED, null, step.problem(), notInspectedForm()), step));
                }
            }
            merge(preview, step, locks, note);
        }
        if (inTransaction && blockingDdl) {
            for (Step b : backfills) {
                raw.add(new Raw(
                        new Hazard(
                                GenericRules.BACKFILL_IN_DDL_TRANSACTION,
                                b.table(),
                                b.verb() + " of " + b.table() + " runs in the transaction of this revision's DDL: its"
                                        + " locks are held until the backfill commits",
                                SafeForm.advice("Move the " + b.verb() + " to a revision of its own, declared"
                                        + " non-transactional, and change the rows in batches.")),
                        b));
            }
        }
        if (read.noDowngrade() != null) {
            raw.add(new Raw(
                    new Hazard(
                            GenericRules.NO_DOWNGRADE,
                            null,
                            "revision " + script.id() + " cannot be downgraded: " + read.noDowngrade(),
                            SafeForm.advice(
                                    read.sql()
                                            ? "Write the statements that undo it under '-- +downgrade'."
                                            : "Implement downgrade(ops), or extend ReversibleMigration and give dropped"
                                                    + " definitions so it can be derived.")),
                    null));
        }
        List<Finding> findings = findings(raw, read.sql(), live, accepted);
        Map<String, TableSize> sizes = new LinkedHashMap<>();
        if (live != null && live.readsSizes()) {
            preview.values().stream()
                    .flatMap(p -> p.locks().stream())
                    .map(TableLock::table)
                    .filter(t -> !state.isNew(t))
                    .forEach(t -> sizes.computeIfAbsent(t, x -> live.size(x, settings.smallTableRows())));
        }
        return new RevisionLint(
                script.id(),
                script.message(),
                script.source(),
                script.transactional(),
                List.copyOf(preview.values()),
                findings,
                sizes);
    }

    private static SafeForm notInspectedForm() {
        String traced = Platforms.all().stream()
                .filter(p -> p.safety().tracer().isPresent())
                .map(DatabasePlatform::displayName)
                .collect(java.util.stream.Collectors.joining(", "));
        return SafeForm.advice("Check it by hand (`migrations lint --trace` shows the locks it takes on " + traced
                + "); once it is safe, accept it: " + GenericRules.IGNORE);
    }

    /** One preview line per statement: the steps of one statement share a location. */
    private static void merge(Map<String, LockPreview> preview, Step step, List<TableLock> locks, String note) {
        String key = step.location() + "\u0000" + step.text();
        LockPreview before = preview.get(key);
        if (before == null) {
            preview.put(key, new LockPreview(step.location(), step.shortText(), locks, note));
            return;
        }
        List<TableLock> all = new ArrayList<>(before.locks());
        all.addAll(locks);
        preview.put(
                key,
                new LockPreview(
                        before.location(), before.statement(), all, before.note() == null ? note : before.note()));
    }

    private record Raw(Hazard hazard, Step step) {}

    private List<Finding> findings(List<Raw> raw, boolean sql, LiveCatalog live, Suppressions accepted) {
        List<Finding> findings = new ArrayList<>();
        Set<String> once = new HashSet<>();
        for (Raw r : raw) {
            SafetyRule rule = r.hazard().rule();
            if (rule.oncePerRevision() && !once.add(rule.id())) {
                continue;
            }
            LintSettings.Level level = settings.rules().get(rule.id());
            if (level == LintSettings.Level.OFF) {
                continue;
            }
            Severity severity = level == null ? rule.severity() : level.severity();
            String adjusted = severity != rule.severity() ? "set to " + severity.label() + " by the settings" : null;
            String table = r.hazard().table();
            TableSize size = table == null || live == null ? null : live.size(table, settings.smallTableRows());
            if (rule.locking()
                    && size != null
                    && size.known()
                    && size.rows() < settings.smallTableRows()
                    && severity != Severity.NOTE) {
                severity = Severity.NOTE;
                adjusted = table + " has " + size + ", fewer than smallTableRows (" + settings.smallTableRows() + ")";
            }
            findings.add(new Finding(
                    rule.id(),
                    severity,
                    r.step() == null ? null : r.step().location(),
                    r.step() == null ? null : r.step().shortText(),
                    r.hazard().message(),
                    SafeFormText.render(r.hazard().safeForm(), rule.id(), sql, platform),
                    table,
                    size,
                    adjusted,
                    accepted.reason(rule.id())));
        }
        return findings;
    }
}
