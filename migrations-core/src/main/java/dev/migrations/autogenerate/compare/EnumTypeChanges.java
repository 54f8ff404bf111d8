package dev.migrations.autogenerate.compare;

import dev.migrations.ops.AddEnumValue;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateEnumType;
import dev.migrations.ops.DropEnumType;
import dev.migrations.ops.DropEnumValue;
import dev.migrations.ops.RenameEnumType;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named enum types compared: a type the entities use that the database lacks is created, or is a
 * database type renamed when exactly one unused type of the database holds its values (in order,
 * maybe fewer); a new value is added where the entities' order puts it (before the next value the
 * type has, at the end when none follows); a value the entities dropped is dropped (its reverse
 * adds it back where it was); a type no column uses any more is dropped once the columns changed.
 */
final class EnumTypeChanges {

    private EnumTypeChanges() {}

    /** Plans the type changes and returns {@code live} with renamed types under their new names. */
    static SchemaSnapshot plan(ChangePlan plan, SchemaSnapshot live, SchemaSnapshot target) {
        List<EnumType> liveTypes = new ArrayList<>(live.enumTypes());
        for (EnumType wanted : target.enumTypes()) {
            Optional<EnumType> existing = find(liveTypes, wanted.name());
            if (existing.isEmpty()) {
                Optional<EnumType> renamed = renamedFrom(liveTypes, wanted, target);
                if (renamed.isPresent()) {
                    plan.enumTypes.add(SchemaComparator.change(
                            new RenameEnumType(null, renamed.get().name(), wanted.name()), null));
                    liveTypes.set(
                            liveTypes.indexOf(renamed.get()), renamed.get().renamed(wanted.name()));
                    live = renameColumnTypes(live, renamed.get().name(), wanted.name());
                    existing = Optional.of(renamed.get().renamed(wanted.name()));
                }
            }
            if (existing.isEmpty()) {
                plan.enumTypes.add(SchemaComparator.change(new CreateEnumType(wanted), null));
            } else {
                values(plan, existing.get(), wanted);
            }
        }
        for (EnumType type : liveTypes) {
            if (find(target.enumTypes(), type.name()).isPresent()) {
                continue;
            }
            List<String> users = users(live, type.name(), target);
            if (users.isEmpty()) {
                plan.dropEnumTypes.add(SchemaComparator.change(new DropEnumType(null, type.name(), type), null));
            } else {
                plan.notes.add("Enum type " + type.name() + " is no entity's, but " + String.join(", ", users)
                        + " still use it; left alone.");
            }
        }
        return live;
    }

    /** A type change to an enum type converts through text: PostgreSQL casts strings to enums only explicitly. */
    static void castColumns(ChangePlan plan, SchemaSnapshot target) {
        plan.alterColumns.replaceAll(change -> {
            if (change.upgrade() instanceof AlterColumn a
                    && a.type() != null
                    && a.using() == null
                    && a.type().kind() == ColumnType.Kind.RAW
                    && find(target.enumTypes(), a.type().raw()).isPresent()) {
                AlterColumn cast =
                        a.type(a.type(), a.column() + "::text::" + a.type().raw());
                return new SchemaChange(cast, change.downgrade(), change.warning(), change.needsEdit());
            }
            return change;
        });
    }

    private static void values(ChangePlan plan, EnumType live, EnumType wanted) {
        List<String> current = new ArrayList<>(live.values());
        for (String gone : live.values()) {
            if (!wanted.values().contains(gone)) {
                int at = current.indexOf(gone);
                current.remove(gone);
                String before = at < current.size() ? current.get(at) : null;
                plan.enumTypes.add(new SchemaChange(
                        new DropEnumValue(null, wanted.name(), gone, before, before == null ? last(current) : null),
                        new AddEnumValue(null, wanted.name(), gone, before, before == null ? last(current) : null),
                        "drops value '" + gone + "' from enum type " + wanted.name() + ": PostgreSQL recreates the"
                                + " type and converts its columns; fails while a row holds '" + gone + "'",
                        false));
            }
        }
        if (!wanted.values().containsAll(current) || !inOrder(current, wanted.values())) {
            plan.notes.add("Enum type " + wanted.name() + " lists its values in another order in the database "
                    + current + " than in the entities " + wanted.values() + "; PostgreSQL cannot reorder them: left as"
                    + " it is.");
            return;
        }
        List<String> wantedValues = wanted.values();
        for (int i = 0; i < wantedValues.size(); i++) {
            String value = wantedValues.get(i);
            if (current.contains(value)) {
                continue;
            }
            String next = wantedValues.subList(i + 1, wantedValues.size()).stream()
                    .filter(current::contains)
                    .findFirst()
                    .orElse(null);
            plan.enumTypes.add(SchemaComparator.change(new AddEnumValue(null, wanted.name(), value, next, null), null));
            current.add(next == null ? current.size() : current.indexOf(next), value);
        }
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Whether {@code values} appear in {@code order} in the same relative order. */
    private static boolean inOrder(List<String> values, List<String> order) {
        int at = -1;
        for (String v : values) {
            int i = order.indexOf(v);
            if (i < at) {
                return false;
            }
            at = i;
        }
        return true;
    }

    /** The one database type the entities no longer name whose values {@code wanted} keeps in order. */
    private static Optional<EnumType> renamedFrom(List<EnumType> liveTypes, EnumType wanted, SchemaSnapshot target) {
        List<EnumType> candidates = liveTypes.stream()
                .filter(t -> find(target.enumTypes(), t.name()).isEmpty())
                .filter(t -> wanted.values().containsAll(t.values()) && inOrder(t.values(), wanted.values()))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Columns of tables the entities do not map (which no step changes) that use {@code type}. */
    private static List<String> users(SchemaSnapshot live, String type, SchemaSnapshot target) {
        List<String> users = new ArrayList<>();
        for (Table table : live.tables()) {
            if (target.table(table.name()).isPresent()) {
                continue;
            }
            for (Column column : table.columns()) {
                if (isOf(column, type)) {
                    users.add(table.name() + "." + column.name());
                }
            }
        }
        return users;
    }

    private static SchemaSnapshot renameColumnTypes(SchemaSnapshot live, String from, String to) {
        List<Table> tables = new ArrayList<>();
        for (Table table : live.tables()) {
            tables.add(table.withColumns(table.columns().stream()
                    .map(c -> isOf(c, from) ? c.type(ColumnType.raw(to)) : c)
                    .toList()));
        }
        return new SchemaSnapshot(
                tables,
                live.sequences(),
                live.seeds(),
                live.enumTypes().stream()
                        .map(t -> t.name().equals(from) ? t.renamed(to) : t)
                        .toList());
    }

    private static boolean isOf(Column column, String type) {
        return column.type().kind() == ColumnType.Kind.RAW
                && column.type().raw().equals(type);
    }

    private static Optional<EnumType> find(List<EnumType> types, String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
