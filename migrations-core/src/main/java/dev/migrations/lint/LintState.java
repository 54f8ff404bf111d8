package dev.migrations.lint;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.TableChanges;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema as the lint follows it through the revisions it reads: the live catalog when there is
 * one, then each change applied in memory. It knows which tables are new (created by the revision,
 * or by an earlier one of the run that the database does not have yet), which constraints were added
 * NOT VALID and not validated since, and where each index is.
 */
final class LintState {

    private final Map<String, Table> tables = new HashMap<>();
    private final Set<String> live = new HashSet<>();
    private final boolean liveKnown;
    private final Set<String> createdInRun = new HashSet<>();
    private final Set<String> notValid = new HashSet<>();
    private Set<String> createdInRevision = new HashSet<>();
    private Set<String> addedInRevision = new HashSet<>();

    /** @param liveSchema the database's schema before the first revision, or null when not read */
    LintState(SchemaSnapshot liveSchema) {
        this.liveKnown = liveSchema != null;
        if (liveSchema != null) {
            for (Table t : liveSchema.tables()) {
                tables.put(key(t.name()), t.normalized());
                live.add(key(t.name()));
            }
        }
    }

    /** Everything created so far exists in production: after following the revisions that already ran. */
    void settle() {
        createdInRun.clear();
        createdInRevision = new HashSet<>();
        notValid.clear();
    }

    void startRevision() {
        createdInRevision = new HashSet<>();
        addedInRevision = new HashSet<>();
    }

    /** Empty: created by this revision, or by an earlier one of this run the database lacks. */
    boolean isNew(String table) {
        String k = key(table);
        return createdInRevision.contains(k) || (liveKnown && createdInRun.contains(k) && !live.contains(k));
    }

    Optional<Table> table(String table) {
        return table == null ? Optional.empty() : Optional.ofNullable(tables.get(key(table)));
    }

    java.util.Collection<Table> tables() {
        return java.util.Collections.unmodifiableCollection(tables.values());
    }

    Optional<String> tableOfIndex(String index) {
        return tables.values().stream()
                .filter(t -> t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(index)))
                .map(Table::name)
                .findFirst();
    }

    Optional<Index> index(String index) {
        return tables.values().stream()
                .flatMap(t -> t.indexes().stream())
                .filter(i -> i.name().equalsIgnoreCase(index))
                .findFirst();
    }

    boolean notValidated(String table, String constraint) {
        return constraint != null && notValid.contains(key(table) + "." + key(constraint));
    }

    boolean addedInThisRevision(String table, String constraint) {
        return constraint != null && addedInRevision.contains(key(table) + "." + key(constraint));
    }

    /** A validated check whose condition is {@code column IS NOT NULL}. */
    boolean provenNotNull(String table, String column) {
        Pattern notNull = Pattern.compile(
                "\\(*\\s*\"?" + Pattern.quote(column) + "\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*", Pattern.CASE_INSENSITIVE);
        return table(table)
                .map(t -> t.constraints().stream()
                        .anyMatch(c -> c instanceof CheckConstraint ck
                                && notNull.matcher(ck.condition().strip()).matches()
                                && !notValidated(table, ck.name())))
                .orElse(false);
    }

    /** Follows one change; a change the model cannot follow forgets the table's definition, not the table. */
    void apply(Operation op) {
        if (op instanceof CreateTable c) {
            String k = key(c.definition().name());
            tables.put(k, c.definition().normalized());
            createdInRevision.add(k);
            createdInRun.add(k);
            return;
        }
        if (op instanceof DropTable d) {
            tables.remove(key(d.table()));
            return;
        }
        if (op instanceof RenameTable r) {
            Table t = tables.remove(key(r.table()));
            if (t != null) {
                tables.put(key(r.newName()), t.renamed(r.newName()));
            }
            moveName(createdInRevision, r);
            moveName(createdInRun, r);
            return;
        }
        if (op instanceof ValidateConstraint v) {
            notValid.remove(key(v.table()) + "." + key(v.name()));
            return;
        }
        if (op instanceof AddConstraint a && a.constraint().name() != null) {
            addedInRevision.add(key(a.table()) + "." + key(a.constraint().name()));
            if (a.notValid()) {
                notValid.add(key(a.table()) + "." + key(a.constraint().name()));
            }
        }
        if (op instanceof DropConstraint d && d.name() != null) {
            notValid.remove(key(d.table()) + "." + key(d.name()));
        }
        String table = op instanceof DropIndex d && d.table() == null
                ? tableOfIndex(d.name()).orElse(null)
                : op.table();
        Table known = table == null ? null : tables.get(key(table));
        if (known == null || !TableChanges.folds(withTable(op, table), known.name())) {
            return;
        }
        try {
            tables.put(key(table), TableChanges.apply(known, resolved(withTable(op, table))));
        } catch (IllegalArgumentException | NullPointerException e) {
            tables.remove(key(table)); // the definition is no longer known; the table still exists
            tables.put(
                    key(table),
                    new Table(
                            known.schema(),
                            known.name(),
                            java.util.List.of(),
                            java.util.List.of(),
                            java.util.List.of(),
                            null));
        }
    }

    /** A key taking over an index gets the index's columns, which SQL does not repeat. */
    private Operation resolved(Operation op) {
        if (op instanceof AddConstraint a && a.usingIndex() != null) {
            Optional<Index> index = index(a.usingIndex());
            if (index.isPresent()) {
                Constraint c = a.constraint() instanceof PrimaryKey
                        ? new PrimaryKey(a.constraint().name(), index.get().columns())
                        : new UniqueConstraint(
                                a.constraint().name(), index.get().columns(), false, false);
                return new AddConstraint(a.schema(), a.table(), c, false, a.usingIndex());
            }
        }
        return op;
    }

    private static Operation withTable(Operation op, String table) {
        return op instanceof DropIndex d && d.table() == null
                ? new DropIndex(d.schema(), d.name(), table, d.original(), d.concurrently(), d.ifExists(), d.online())
                : op;
    }

    private static void moveName(Set<String> names, RenameTable r) {
        if (names.remove(key(r.table()))) {
            names.add(key(r.newName()));
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
