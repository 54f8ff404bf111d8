package dev.migrations.autogenerate.compare;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names for the entities' unnamed check constraints ({@code author_check}, {@code author_check1},
 * in order), used only to build the scratch schema. A check read back from the scratch database is
 * in the database's canonical spelling, which the database may not canonicalize to itself again;
 * these names lead back to the condition as the entities wrote it, which is what a migration adds.
 */
public final class CheckNames {

    private CheckNames() {}

    /** The entities' checks by the name the scratch schema gives them. */
    public static Map<String, CheckConstraint> of(Table table) {
        Set<String> explicit = new HashSet<>();
        table.constraints().stream()
                .map(Constraint::name)
                .filter(Objects::nonNull)
                .forEach(n -> explicit.add(n.toLowerCase(Locale.ROOT)));
        Map<String, CheckConstraint> named = new LinkedHashMap<>();
        int next = 0;
        for (Constraint c : table.constraints()) {
            if (c instanceof CheckConstraint check) {
                if (check.name() != null) {
                    named.put(check.name().toLowerCase(Locale.ROOT), check);
                    continue;
                }
                String name;
                do {
                    name = table.name() + "_check" + (next == 0 ? "" : String.valueOf(next));
                    next++;
                } while (explicit.contains(name.toLowerCase(Locale.ROOT)));
                named.put(name.toLowerCase(Locale.ROOT), check);
            }
        }
        return named;
    }

    /** The entities' schema with every check named as {@link #of(Table)} names it. */
    public static SchemaSnapshot apply(SchemaSnapshot entities) {
        List<Table> tables = new ArrayList<>();
        for (Table table : entities.tables()) {
            Table t = table.normalized();
            Map<CheckConstraint, String> names = new LinkedHashMap<>();
            of(t).forEach((name, check) -> names.put(check, name));
            List<Constraint> constraints = t.constraints().stream()
                    .map(c -> c instanceof CheckConstraint ck && ck.name() == null ? ck.named(names.get(ck)) : c)
                    .toList();
            tables.add(new Table(t.schema(), t.name(), t.columns(), constraints, t.indexes(), t.comment()));
        }
        return entities.withTables(tables);
    }
}
