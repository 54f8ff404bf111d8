package dev.migrations.autogenerate.compare;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * New tables in an order that every database accepts: a table after the tables its foreign keys
 * reference; on a cycle of references, the key that closes it is added once both tables exist.
 */
final class TableCreations {

    private TableCreations() {}

    static void plan(ChangePlan plan, List<Table> created, SchemaSnapshot live) {
        Set<String> available = new LinkedHashSet<>();
        live.tables().forEach(t -> available.add(t.name()));
        List<Table> pending = new ArrayList<>(created);
        List<Table> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            // a table whose referenced tables exist; failing that, one on a cycle, whose key waits
            Table next = pending.stream()
                    .filter(t -> references(t).stream().allMatch(r -> r.equals(t.name()) || available.contains(r)))
                    .findFirst()
                    .orElseGet(() -> pending.stream()
                            .filter(t -> onCycle(t, pending))
                            .findFirst()
                            .orElse(pending.get(0)));
            pending.remove(next);
            ordered.add(next);
            available.add(next.name());
        }
        Set<String> done =
                new LinkedHashSet<>(live.tables().stream().map(Table::name).toList());
        for (Table table : ordered) {
            done.add(table.name());
            Set<String> used = new java.util.HashSet<>();
            table.constraints().stream()
                    .map(Constraint::name)
                    .filter(Objects::nonNull)
                    .forEach(n -> used.add(n.toLowerCase(java.util.Locale.ROOT)));
            List<Constraint> inline = new ArrayList<>();
            for (Constraint unnamed : table.constraints()) {
                // every constraint gets the name PostgreSQL would give it, on every database, so that a
                // later revision generated on any of them can drop or change it by that name
                Constraint c = unnamed.name() != null
                        ? unnamed
                        : unnamed.named(ConstraintNames.conventional(table.name(), unnamed, used, table));
                used.add(c.name().toLowerCase(java.util.Locale.ROOT));
                if (c instanceof ForeignKey fk && !done.contains(fk.referencedTable())) {
                    // a cycle: the referenced table comes later, so the key is added once it exists
                    plan.addKeys.add(SchemaComparator.change(new AddConstraint(null, table.name(), fk), null));
                } else {
                    inline.add(c);
                }
            }
            Table definition = new Table(null, table.name(), table.columns(), inline, List.of(), table.comment());
            plan.createTables.add(SchemaComparator.change(new CreateTable(definition, false), null));
            for (Index index : table.indexes()) {
                plan.addIndexes.add(
                        SchemaComparator.change(new CreateIndex(index, false, false), PrefixedIndexes.warning(index)));
            }
        }
    }

    /** Whether {@code start} reaches itself through the foreign keys of the pending tables. */
    private static boolean onCycle(Table start, List<Table> pending) {
        Map<String, Table> byName = new LinkedHashMap<>();
        pending.forEach(t -> byName.put(t.name(), t));
        List<String> todo = new ArrayList<>(references(start));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (name.equals(start.name())) {
                return true;
            }
            if (seen.add(name) && byName.containsKey(name)) {
                todo.addAll(references(byName.get(name)));
            }
        }
        return false;
    }

    private static List<String> references(Table table) {
        return table.constraints().stream()
                .filter(ForeignKey.class::isInstance)
                .map(c -> ((ForeignKey) c).referencedTable())
                .toList();
    }
}
