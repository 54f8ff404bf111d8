package dev.migrations.test;

import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.DiffReport;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Schema snapshots made comparable, and their differences said as a person would read them. */
final class SchemaSnapshots {

    /**
     * Names H2 makes up for unnamed constraints and their indexes. They change each time the
     * constraint is created again, so a downgrade that restores an unnamed key restores it under a
     * new name; PostgreSQL's generated names are deterministic and SQLite's are not stored.
     */
    private static final Pattern GENERATED = Pattern.compile("(constraint|primary_key)_[0-9a-f]+|.*_index_[0-9a-f]+");

    private SchemaSnapshots() {}

    /**
     * The snapshot with tables, columns, constraints and indexes in name order and generated names
     * masked, so two reads are equal exactly when the schemas are. Column positions do not count: a
     * downgrade that adds back a dropped column can only add it at the end.
     */
    static SchemaSnapshot canonical(SchemaSnapshot snapshot) {
        List<Table> tables = new ArrayList<>();
        for (Table table : snapshot.tables()) {
            Table t = table.normalized();
            List<Column> columns = t.columns().stream()
                    .sorted(Comparator.comparing(Column::name))
                    .toList();
            List<Constraint> constraints = t.constraints().stream()
                    .map(c -> c.name() != null && GENERATED.matcher(c.name()).matches() ? c.named(null) : c)
                    .sorted(Comparator.comparing(Object::toString))
                    .toList();
            List<Index> indexes = t.indexes().stream()
                    .map(i -> GENERATED.matcher(i.name()).matches()
                            ? new Index("(generated)", i.schema(), i.table(), i.columns(), i.unique(), i.where())
                            : i)
                    .sorted(Comparator.comparing(Object::toString))
                    .toList();
            tables.add(new Table(t.schema(), t.name(), columns, constraints, indexes, t.comment()));
        }
        tables.sort(Comparator.comparing(Table::name));
        List<Sequence> sequences = new ArrayList<>(snapshot.sequences());
        sequences.sort(Comparator.comparing(Sequence::name));
        return new SchemaSnapshot(tables, sequences);
    }

    /**
     * What would turn {@code actual} into {@code expected}, as autogenerate's "Detected ..." lines; where
     * the comparison sees nothing to do, the tables that differ as the catalog describes them.
     */
    static List<String> difference(SchemaSnapshot actual, SchemaSnapshot expected) {
        SchemaDiff diff =
                new SchemaComparator(SchemaComparator.UnmanagedTables.DROP).compare(actual, expected, expected);
        List<String> lines = new ArrayList<>(DiffReport.lines(diff));
        if (diff.changes().isEmpty()) {
            for (Table table : actual.tables()) {
                Table wanted = expected.table(table.name()).orElse(null);
                if (!Objects.equals(table, wanted)) {
                    lines.add("table " + table.name() + " is now " + table + ", was " + wanted);
                }
            }
            for (Sequence sequence : actual.sequences()) {
                Sequence wanted = expected.sequence(sequence.name()).orElse(null);
                if (!Objects.equals(sequence, wanted)) {
                    lines.add("sequence " + sequence.name() + " is now " + sequence + ", was " + wanted);
                }
            }
            expected.tables().stream()
                    .filter(t -> actual.table(t.name()).isEmpty())
                    .forEach(t -> lines.add("table " + t.name() + " is missing: " + t));
            expected.sequences().stream()
                    .filter(s -> actual.sequence(s.name()).isEmpty())
                    .forEach(s -> lines.add("sequence " + s.name() + " is missing: " + s));
        }
        return lines;
    }

    /** The tables and sequences a snapshot holds, named for a message. */
    static List<String> objects(SchemaSnapshot snapshot) {
        List<String> objects = new ArrayList<>();
        snapshot.tables().forEach(t -> objects.add("table " + t.name()));
        snapshot.sequences().forEach(s -> objects.add("sequence " + s.name()));
        return objects;
    }
}
