package dev.migrations.autogenerate.compare;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.SetTableComment;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares the live schema with the target schema, both as the same inspector read them, and
 * yields the operations that turn one into the other, in an order the database accepts: foreign
 * keys and other constraints go first, then columns, then new tables (ordered by their foreign
 * keys), new columns, constraints and indexes, and foreign keys last.
 *
 * <p>Operations carry the definitions the entities gave ({@code definitions}: portable types, the
 * defaults as written, names where the entities chose them and PostgreSQL's names for a new table's
 * other constraints), so the generated file reads as
 * a person would write it; drops carry what the live database has, so every change reverses.
 * Constraints and indexes match by structure; their names count only when the entities name them.
 */
public final class SchemaComparator {

    /** What to do with tables the entities do not map. */
    public enum UnmanagedTables {
        REPORT,
        DROP
    }

    private final UnmanagedTables unmanaged;
    private final Renames renames;

    public SchemaComparator(UnmanagedTables unmanaged) {
        this(unmanaged, Renames.NONE);
    }

    public SchemaComparator(UnmanagedTables unmanaged, Renames renames) {
        this.unmanaged = unmanaged;
        this.renames = renames;
    }

    /**
     * @param live the database as it is
     * @param target the desired schema after a round trip through a scratch database of the same kind
     * @param definitions the desired schema as the entities define it, before that round trip
     */
    public SchemaDiff compare(SchemaSnapshot liveAsIs, SchemaSnapshot canonicalTarget, SchemaSnapshot definitions) {
        ChangePlan plan = new ChangePlan();
        // both sides as a person writes them: what a drop carries is what its downgrade re-adds
        SchemaSnapshot target = ReadableExpressions.of(canonicalTarget);
        SchemaSnapshot renamed =
                new RenamePass(renames, plan.renames, plan.notes).apply(ReadableExpressions.of(liveAsIs), target);
        SchemaSnapshot live = EnumTypeChanges.plan(plan, renamed, target);
        List<Table> created = new ArrayList<>();
        for (Table wanted : target.tables()) {
            Table definition =
                    PrefixedIndexes.adopt(definitions.table(wanted.name()).orElse(wanted), wanted);
            Optional<Table> existing = live.table(wanted.name());
            if (existing.isEmpty()) {
                created.add(definition.normalized());
            } else {
                compareTable(plan, existing.get().normalized(), wanted.normalized(), definition.normalized());
            }
        }
        EnumTypeChanges.castColumns(plan, target);
        TableCreations.plan(plan, created, live);
        for (Table table : live.tables()) {
            if (target.table(table.name()).isEmpty()) {
                if (unmanaged == UnmanagedTables.DROP) {
                    Table original = table.normalized();
                    for (Constraint c : original.constraints()) {
                        if (c instanceof ForeignKey fk) {
                            plan.dropKeys.add(
                                    change(new DropConstraint(null, table.name(), fk.name(), fk.type(), fk), null));
                        }
                    }
                    plan.dropTables.add(change(
                            new DropTable(null, table.name(), withoutForeignKeys(original), false),
                            "drops table " + table.name() + " and all its rows"));
                } else {
                    plan.notes.add("Table " + table.name() + " is in the database but no entity maps it; left alone"
                            + " (drop it by hand, or have autogenerate drop unmanaged tables: --drop-unmanaged-tables on"
                            + " the command line, UnmanagedTables.DROP in Java).");
                }
            }
        }
        compareSequences(plan, live, target, definitions);
        return new SchemaDiff(plan.ordered(), plan.notes);
    }

    // ---------------------------------------------------------------- tables

    private void compareTable(ChangePlan plan, Table live, Table target, Table definition) {
        String name = target.name();
        for (Column wanted : target.columns()) {
            Column defined = definition.column(wanted.name()).orElse(wanted);
            Optional<Column> existing = live.column(wanted.name());
            if (existing.isEmpty()) {
                addColumn(plan, name, defined);
            } else {
                alterColumn(plan, name, existing.get(), wanted, defined);
            }
        }
        List<Column> added = target.columns().stream()
                .filter(c -> live.column(c.name()).isEmpty())
                .toList();
        for (Column column : live.columns()) {
            if (target.column(column.name()).isEmpty()) {
                String warning = "drops column " + name + "." + column.name() + " and its data";
                Optional<Column> twin = added.stream()
                        .filter(a -> a.type().equals(column.type()))
                        .findFirst();
                if (twin.isPresent()) {
                    warning += "; if " + twin.get().name() + " is " + column.name() + " renamed, replace this drop"
                            + " and the add of " + twin.get().name() + " with ops.renameColumn(\"" + name + "\", \""
                            + column.name() + "\", \"" + twin.get().name() + "\") to keep the data";
                }
                plan.dropColumns.add(
                        change(new DropColumn(null, name, column.name(), column.withoutConstraints()), warning));
            }
        }
        compareConstraints(plan, name, live, target, definition);
        compareIndexes(plan, name, live, target, definition);
        if (!Objects.equals(live.comment(), target.comment())) {
            plan.alterColumns.add(change(
                    new SetTableComment(null, name, definition.comment(), Optional.ofNullable(live.comment())), null));
        }
    }

    private void addColumn(ChangePlan plan, String table, Column column) {
        Column bare = column.withoutConstraints();
        if (!bare.nullable() && bare.serverDefault() == null && !bare.isIdentity()) {
            // Rows already there would have no value: add it nullable, fill it, then forbid NULL.
            plan.addColumns.add(change(new AddColumn(null, table, bare.nullable(true)), null));
            AlterColumn notNull =
                    AlterColumn.of(null, table, bare.name()).nullable(false).existing(bare.nullable(true));
            plan.addColumns.add(new SchemaChange(
                    notNull,
                    notNull.reverse().orElse(null),
                    "NOT NULL column " + table + "." + bare.name() + " has no default: fill it for existing rows"
                            + " before this step, e.g. ops.update(\"UPDATE " + table + " SET " + bare.name()
                            + " = ... WHERE " + bare.name() + " IS NULL\")",
                    true));
        } else {
            plan.addColumns.add(change(new AddColumn(null, table, bare), null));
        }
    }

    private void alterColumn(ChangePlan plan, String table, Column live, Column target, Column defined) {
        AlterColumn alter = AlterColumn.of(null, table, live.name());
        List<String> risks = new ArrayList<>();
        if (!live.type().equals(target.type()) && isLargeObjectMismatch(live, target)) {
            plan.notes.add("Column " + table + "." + live.name() + " is " + live.type() + " but the entity maps it"
                    + " to a PostgreSQL large object (oid), which would lose the data: map it as text or bytes"
                    + " (for example @JdbcTypeCode(SqlTypes.LONGVARCHAR) instead of @Lob). Left as it is.");
        } else if (!live.type().equals(target.type())) {
            alter = alter.type(defined.type());
            if (!TypeChanges.widens(live.type(), target.type())) {
                risks.add("changes the type of " + table + "." + live.name() + " from " + live.type() + " to "
                        + defined.type() + ": existing values may not convert, or may be cut");
            }
        }
        if (live.nullable() != target.nullable()) {
            alter = alter.nullable(target.nullable());
            if (!target.nullable()) {
                risks.add("makes " + table + "." + live.name() + " NOT NULL: fails while any row holds NULL");
            }
        }
        if (!Objects.equals(live.serverDefault(), target.serverDefault())) {
            alter = alter.serverDefault(defined.serverDefault());
        }
        if (!Objects.equals(live.comment(), target.comment())) {
            alter = alter.comment(defined.comment());
        }
        if (live.isIdentity() != target.isIdentity()) {
            alter = alter.identity(target.isIdentity());
            if (!target.isIdentity()) {
                risks.add("stops generating values for " + table + "." + live.name()
                        + ": inserts must give it from now on");
            }
        }
        if (alter.type() != null
                || alter.nullable() != null
                || alter.serverDefault() != null
                || alter.comment() != null
                || alter.identity() != null) {
            plan.alterColumns.add(change(
                    alter.existing(live.withoutConstraints()), risks.isEmpty() ? null : String.join("; ", risks)));
        }
    }

    /** {@code @Lob} on PostgreSQL means an {@code oid} column; no cast turns text or bytes into one. */
    private static boolean isLargeObjectMismatch(Column live, Column target) {
        return target.type().kind() == dev.migrations.schema.ColumnType.Kind.RAW
                && target.type().raw().equalsIgnoreCase("oid");
    }

    private static Table withoutForeignKeys(Table table) {
        return new Table(
                table.schema(),
                table.name(),
                table.columns(),
                table.constraints().stream()
                        .filter(c -> !(c instanceof ForeignKey))
                        .toList(),
                table.indexes(),
                table.comment());
    }

    // ---------------------------------------------------------------- constraints and indexes

    private void compareConstraints(ChangePlan plan, String table, Table live, Table target, Table definition) {
        List<Constraint> unmatched = new ArrayList<>(live.constraints());
        List<Constraint> added = new ArrayList<>();
        for (Constraint wanted : target.constraints()) {
            Constraint defined = definitionOf(wanted, definition);
            boolean named = defined != null && defined.name() != null;
            Constraint match = unmatched.stream()
                    .filter(c -> signature(c).equals(signature(wanted))
                            && (!named || defined.name().equalsIgnoreCase(c.name())))
                    .findFirst()
                    .orElse(null);
            if (match != null) {
                unmatched.remove(match);
            } else {
                // as the entities wrote it: the database's canonical form may not canonicalize to itself
                added.add(defined != null ? defined : unnamed(wanted));
            }
        }
        // names the table keeps after the drops, which run first
        Set<String> used = new java.util.HashSet<>();
        Stream.concat(
                        live.constraints().stream().filter(c -> !unmatched.contains(c)),
                        definition.constraints().stream())
                .map(Constraint::name)
                .filter(Objects::nonNull)
                .forEach(n -> used.add(n.toLowerCase(java.util.Locale.ROOT)));
        for (Constraint constraint : added) {
            if (constraint.name() == null) {
                // named in the file, so its downgrade can drop it by name on every database
                constraint = constraint.named(ConstraintNames.conventional(table, constraint, used, definition));
            }
            used.add(constraint.name().toLowerCase(java.util.Locale.ROOT));
            SchemaChange change = change(new AddConstraint(null, table, constraint), null);
            (constraint instanceof ForeignKey ? plan.addKeys : plan.addConstraints).add(change);
        }
        for (Constraint gone : unmatched) {
            SchemaChange change = change(new DropConstraint(null, table, gone.name(), gone.type(), gone), null);
            (gone instanceof ForeignKey ? plan.dropKeys : plan.dropConstraints).add(change);
        }
    }

    private void compareIndexes(ChangePlan plan, String table, Table live, Table target, Table definition) {
        List<Index> unmatched = new ArrayList<>(live.indexes());
        for (Index wanted : target.indexes()) {
            Index defined = definition.indexes().stream()
                    .filter(d -> d.name().equalsIgnoreCase(wanted.name()))
                    .findFirst()
                    .orElse(wanted);
            // entities cannot give a prefix length (MySQL's email(191)): a live prefix the entities lack
            // is the migration author's choice, not a difference
            Index match = unmatched.stream()
                    .filter(i -> PrefixedIndexes.sameIgnoringPrefixes(i, wanted))
                    .findFirst()
                    .orElse(null);
            if (match != null) {
                unmatched.remove(match);
                if (!match.name().equalsIgnoreCase(wanted.name())) {
                    plan.notes.add("Index " + match.name() + " on " + table + " matches the entities' index "
                            + wanted.name() + " except for its name; left as it is.");
                }
                continue;
            }
            plan.addIndexes.add(change(new CreateIndex(defined, false, false), PrefixedIndexes.warning(defined)));
        }
        for (Index gone : unmatched) {
            plan.dropIndexes.add(change(new DropIndex(null, gone.name(), table, gone, false, false), null));
        }
    }

    /** The definition a target constraint came from: same kind and structure, or the same name. */
    private static Constraint definitionOf(Constraint wanted, Table definition) {
        if (wanted instanceof CheckConstraint && wanted.name() != null) {
            CheckConstraint check = CheckNames.of(definition).get(wanted.name().toLowerCase(java.util.Locale.ROOT));
            if (check != null) {
                return check;
            }
        }
        for (Constraint d : definition.constraints()) {
            if (d.type() == wanted.type()
                    && !(d instanceof CheckConstraint)
                    && signature(d).equals(signature(wanted))) {
                return d;
            }
            if (d.name() != null && d.name().equalsIgnoreCase(wanted.name())) {
                return d;
            }
        }
        return null;
    }

    private static Constraint unnamed(Constraint c) {
        return c.named(null);
    }

    static String signature(Constraint c) {
        // the order of a key's columns is Hibernate's choice, not the entities': keys compare as sets
        if (c instanceof PrimaryKey pk) {
            return "pk" + new java.util.TreeSet<>(pk.columns());
        }
        if (c instanceof UniqueConstraint uq) {
            return "uq" + new java.util.TreeSet<>(uq.columns());
        }
        if (c instanceof ForeignKey fk) {
            return "fk" + fk.columns() + "->" + fk.referencedTable() + fk.referencedColumns() + " " + fk.onDelete()
                    + " " + fk.onUpdate();
        }
        return "ck " + CheckExpressions.loose(((CheckConstraint) c).condition());
    }

    static String signature(Index i) {
        return "ix" + i.columns() + " " + i.unique() + " " + i.where();
    }

    // ---------------------------------------------------------------- sequences

    private void compareSequences(
            ChangePlan plan, SchemaSnapshot live, SchemaSnapshot target, SchemaSnapshot definitions) {
        for (Sequence wanted : target.sequences()) {
            Sequence defined = definitions.sequence(wanted.name()).orElse(wanted);
            Optional<Sequence> existing = live.sequence(wanted.name());
            if (existing.isEmpty()) {
                plan.sequences.add(change(new CreateSequence(defined), null));
            } else if (!Objects.equals(existing.get().increment(), wanted.increment())) {
                AlterSequence alter = AlterSequence.of(null, wanted.name())
                        .increment(wanted.increment())
                        .existing(existing.get());
                plan.sequences.add(change(alter, null));
            }
        }
        for (Sequence sequence : live.sequences()) {
            if (target.sequence(sequence.name()).isEmpty()) {
                plan.sequences.add(change(new DropSequence(null, sequence.name(), sequence), null));
            }
        }
    }

    static SchemaChange change(Operation upgrade, String warning) {
        return new SchemaChange(upgrade, upgrade.reverse().orElse(null), warning, false);
    }
}
