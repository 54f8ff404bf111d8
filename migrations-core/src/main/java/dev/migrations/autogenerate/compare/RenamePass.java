package dev.migrations.autogenerate.compare;

import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.RenameTable;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The first step of a comparison: the renames the developer declared, made on the live schema. */
final class RenamePass {

    private final Renames renames;
    private final List<SchemaChange> changes;
    private final List<String> notes;

    RenamePass(Renames renames, List<SchemaChange> changes, List<String> notes) {
        this.renames = renames;
        this.changes = changes;
        this.notes = notes;
    }

    /**
     * The live schema with the renames the developer declared already made, each as an operation
     * that keeps the data; a rename whose old name is not in the database, or whose new name the
     * entities do not use, is reported and ignored.
     */
    SchemaSnapshot apply(SchemaSnapshot live, SchemaSnapshot target) {
        List<Table> tables = new ArrayList<>();
        for (Table table : live.tables()) {
            String newName = renames.tables().get(table.name());
            if (newName != null
                    && target.table(newName).isPresent()
                    && live.table(newName).isEmpty()) {
                changes.add(SchemaComparator.change(new RenameTable(null, table.name(), newName), null));
                table = new Table(
                        table.schema(),
                        newName,
                        table.columns(),
                        table.constraints(),
                        table.indexes().stream().map(i -> i.onTable(newName)).toList(),
                        table.comment());
            } else if (newName != null) {
                notes.add("Rename of table " + table.name() + " to " + newName + " ignored: the entities do not"
                        + " map " + newName + ", or the database already has it.");
            }
            Optional<Table> wanted = target.table(table.name());
            List<Column> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                String to = renames.column(table.name(), column.name());
                if (to != null
                        && wanted.isPresent()
                        && wanted.get().column(to).isPresent()
                        && table.column(to).isEmpty()) {
                    changes.add(SchemaComparator.change(
                            AlterColumn.of(null, table.name(), column.name()).rename(to), null));
                    columns.add(column.named(to));
                } else {
                    if (to != null) {
                        notes.add("Rename of column " + table.name() + "." + column.name() + " to " + to
                                + " ignored: the entities do not map it, or the table already has it.");
                    }
                    columns.add(column);
                }
            }
            tables.add(renameColumns(table, columns));
        }
        return live.withTables(tables);
    }

    /** The table with its columns renamed, and its keys and indexes following them. */
    private static Table renameColumns(Table table, List<Column> columns) {
        Map<String, String> to = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            to.put(table.columns().get(i).name(), columns.get(i).name());
        }
        if (to.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return table;
        }
        UnaryOperator<List<String>> map =
                names -> names.stream().map(n -> to.getOrDefault(n, n)).toList();
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint c : table.constraints()) {
            if (c instanceof PrimaryKey pk) {
                constraints.add(new PrimaryKey(pk.name(), map.apply(pk.columns())));
            } else if (c instanceof UniqueConstraint uq) {
                constraints.add(new UniqueConstraint(
                        uq.name(), map.apply(uq.columns()), uq.deferrable(), uq.initiallyDeferred()));
            } else if (c instanceof ForeignKey fk) {
                constraints.add(new ForeignKey(
                        fk.name(),
                        map.apply(fk.columns()),
                        fk.referencedSchema(),
                        fk.referencedTable(),
                        fk.referencedColumns(),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.deferrable(),
                        fk.initiallyDeferred()));
            } else {
                constraints.add(c);
            }
        }
        List<Index> indexes = table.indexes().stream()
                .map(i -> new Index(i.name(), i.schema(), i.table(), map.apply(i.columns()), i.unique(), i.where()))
                .toList();
        return new Table(table.schema(), table.name(), columns, constraints, indexes, table.comment());
    }
}
